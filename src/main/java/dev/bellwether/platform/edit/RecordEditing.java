package dev.bellwether.platform.edit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.BulkOperation.Outcome;
import dev.bellwether.platform.edit.EditableField.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usual {@link EditableRecords}: a record type whose changes are made by replacing
 * its details (what a form or the API sends) as a whole, with its version. One field is
 * changed by reading the record, replacing that field in its details and saving them
 * through the module's own update, so that every rule, right, version check and history
 * entry of a full save applies to an inline edit and to each record of a bulk change.
 * <p>
 * Fields are named as the details' record components; their type says how a value sent as
 * text is read (text, whole number, decimal, ISO date, id, or a constant of an enum).
 *
 * @param <V> who acts, as the module knows them (its viewer type)
 * @param <R> the record as stored
 * @param <D> its details
 */
public abstract class RecordEditing<V, R, D extends Record> implements EditableRecords {

	private static final Logger log = LoggerFactory.getLogger(RecordEditing.class);

	/** Dates as the pages show them (platform.web.Dates). */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM y", Locale.ENGLISH);

	private final String recordType;

	private final String collection;

	private final Class<D> detailsType;

	private final Map<String, Spec> specs = new LinkedHashMap<>();

	private CustomFields customFields;

	private Supplier<List<Option>> users = List::of;

	protected RecordEditing(String recordType, String collection, Class<D> detailsType, List<Spec> fields) {
		this.recordType = recordType;
		this.collection = collection;
		this.detailsType = detailsType;
		for (Spec spec : fields) {
			if (component(detailsType, spec.name()) == null) {
				throw new IllegalArgumentException(detailsType.getSimpleName() + " has no field " + spec.name());
			}
			this.specs.put(spec.name(), spec);
		}
	}

	/** The acting user as the module's services take them. */
	protected abstract V viewer(UUID actorId);

	/** The record, if the user may see it (not found otherwise). */
	protected abstract R get(V viewer, UUID id);

	protected abstract D details(R record);

	/** Saves the details through the module's own update. */
	protected abstract R update(V viewer, UUID id, long version, D details);

	protected abstract long version(R record);

	/** Who saved the record last, as a name. */
	protected abstract String lastChangedBy(R record);

	protected abstract Instant lastChangedAt(R record);

	/** The record's name, as lists show it. */
	protected abstract String name(R record);

	protected abstract void delete(V viewer, UUID id);

	protected abstract void restore(V viewer, UUID id);

	protected abstract List<UUID> matching(V viewer, Map<String, String> filters, int limit);

	@Override
	public String recordType() {
		return this.recordType;
	}

	@Override
	public String collection() {
		return this.collection;
	}

	@Override
	public List<EditableField> fields() {
		List<EditableField> fields = new ArrayList<>(this.specs.values()
			.stream()
			.map(spec -> new EditableField(spec.name(), spec.label(), spec.input(), spec.options().get(),
					spec.required(), spec.reason() == null ? null : spec.reason().get()))
			.toList());
		if (this.customFields != null) {
			for (CustomField field : this.customFields.active(this.recordType)) {
				fields.add(editable(field));
			}
		}
		return fields;
	}

	/**
	 * Offers the record type's active custom fields ({@code cf.<key>}) too, saved through
	 * {@link #update(Object, UUID, long, Record, Map)}.
	 * @param users the users a user field may name, as options
	 */
	protected final void offerCustomFields(CustomFields customFields, Supplier<List<Option>> users) {
		this.customFields = customFields;
		this.users = users;
	}

	/** Whether the record type offers its custom fields. */
	protected final boolean offersCustomFields() {
		return this.customFields != null;
	}

	/** The record's custom values, when it offers custom fields. */
	protected CustomValues customValues(R record) {
		return CustomValues.NONE;
	}

	/**
	 * Saves the details and custom values (key to value as a form sends it; a key not
	 * sent keeps its value) through the module's own update. A record type that offers
	 * custom fields overrides it; one that does not saves the details alone, and refuses
	 * a custom value as it refuses any field it does not offer.
	 */
	protected R update(V viewer, UUID id, long version, D details, Map<String, ?> custom) {
		if (custom != null && !custom.isEmpty()) {
			String key = custom.keySet().iterator().next();
			throw new InvalidInputException("cf." + key, "A " + this.recordType + " has no field 'cf." + key + "'.");
		}
		return update(viewer, id, version, details);
	}

	private EditableField editable(CustomField field) {
		Input input = switch (field.type()) {
			case LONG_TEXT -> Input.TEXTAREA;
			case NUMBER, PERCENT -> Input.NUMBER;
			case MONEY -> Input.MONEY;
			case DATE -> Input.DATE;
			case DATE_TIME -> Input.DATE_TIME;
			case MULTI_SELECT -> Input.MULTI_SELECT;
			case PICK_LIST, CHECKBOX, USER -> Input.SELECT;
			default -> Input.TEXT;
		};
		List<Option> options = switch (field.type()) {
			case PICK_LIST, MULTI_SELECT -> field.options().stream().map(o -> new Option(o, o)).toList();
			case CHECKBOX -> List.of(new Option("true", "Yes"), new Option("false", "No"));
			case USER -> this.users.get();
			default -> List.of();
		};
		return new EditableField(field.filterName(), field.label(), input, options,
				field.required() == CustomField.Requirement.ALWAYS);
	}

	private CustomField customField(String name) {
		String key = name.substring(CustomFilter.PREFIX.length());
		return this.customFields.active(this.recordType)
			.stream()
			.filter(field -> field.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("field",
					"'" + name + "' is not an active custom field of " + this.recordType + "; choose one of "
							+ String.join(", ", fields().stream().map(EditableField::name).toList()) + "."));
	}

	private boolean isCustom(String field) {
		return this.customFields != null && field != null && field.startsWith(CustomFilter.PREFIX);
	}

	/** The custom value as the API and forms take it back. */
	private String customText(R record, CustomField field) {
		return this.customFields.formValues(this.recordType, customValues(record)).get(field.key());
	}

	private String customDisplay(R record, CustomField field) {
		Object value = customValues(record).get(field.key());
		if (value == null) {
			return "";
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		if (field.type() == CustomFieldType.USER) {
			this.users.get().forEach(option -> names.put(UUID.fromString(option.value()), option.label()));
		}
		String text = this.customFields.text(field, value, names);
		return text == null ? "" : text;
	}

	private FieldValue customValueOf(R record, CustomField field) {
		return new FieldValue(customText(record, field), customDisplay(record, field), version(record),
				lastChangedBy(record), lastChangedAt(record));
	}

	private R writeCustom(V viewer, UUID id, long version, R before, CustomField field, String value) {
		Map<String, Object> custom = new LinkedHashMap<>();
		custom.put(field.key(), value == null ? "" : value);
		try {
			return update(viewer, id, version, details(before), custom);
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors()
				.forEach((name, message) -> errors
					.put(name.equals(CustomFields.ERROR_PREFIX + field.key()) ? field.filterName() : name, message));
			throw new InvalidInputException(errors);
		}
	}

	private List<RecordWrite> writeAllCustom(V viewer, List<UUID> recordIds, CustomField field, String value,
			List<Long> versions) {
		String wanted = (value == null || value.isBlank()) ? null : value.strip();
		List<RecordWrite> results = new ArrayList<>();
		for (int i = 0; i < recordIds.size(); i++) {
			UUID id = recordIds.get(i);
			try {
				R before = get(viewer, id);
				long version = versions == null ? version(before) : versions.get(i);
				if (version(before) != version) {
					results.add(skippedCustom(id, before, field));
					continue;
				}
				String current = customText(before, field);
				if (Objects.equals(current, wanted)) {
					results.add(new RecordWrite(id, Outcome.UNCHANGED, null, null, null, null));
					continue;
				}
				R after = writeCustom(viewer, id, version, before, field, wanted);
				results.add(new RecordWrite(id, Outcome.APPLIED, null, current, customDisplay(before, field),
						version(after)));
			}
			catch (dev.bellwether.platform.StaleRecordException ex) {
				try {
					results.add(skippedCustom(id, get(viewer, id), field));
				}
				catch (RuntimeException gone) {
					results.add(RecordWrite.refused(id, reason(gone)));
				}
			}
			catch (RuntimeException ex) {
				results.add(RecordWrite.refused(id, reason(ex)));
			}
		}
		return results;
	}

	private RecordWrite skippedCustom(UUID id, R now, CustomField field) {
		String shown = customDisplay(now, field);
		return new RecordWrite(id, Outcome.SKIPPED, "Changed since by " + lastChangedBy(now)
				+ (shown.isEmpty() ? "" : " (now " + shown + ")") + "; left as it is.", null, null, null);
	}

	@Override
	public FieldValue read(UUID actorId, UUID recordId, String field) {
		if (isCustom(field)) {
			CustomField custom = customField(field);
			return customValueOf(get(viewer(actorId), recordId), custom);
		}
		Spec spec = spec(field);
		return valueOf(get(viewer(actorId), recordId), spec);
	}

	@Override
	public FieldValue write(UUID actorId, UUID recordId, String field, String value, long version) {
		if (isCustom(field)) {
			CustomField custom = customField(field);
			V viewer = viewer(actorId);
			R before = get(viewer, recordId);
			return customValueOf(writeCustom(viewer, recordId, version, before, custom, value), custom);
		}
		Spec spec = spec(field);
		V viewer = viewer(actorId);
		R before = get(viewer, recordId);
		D details = details(before);
		Object current = valueIn(details, field);
		Object parsed = parse(spec, value);
		// a stale version is answered first (409 with the other change), so that a choice
		// renamed meanwhile reads as the change it is, not as an unknown choice
		if (spec.input() == Input.SELECT && parsed != null && !parsed.equals(current) && version(before) == version) {
			String text = text(parsed);
			if (spec.options().get().stream().noneMatch(option -> option.value().equals(text))) {
				throw new InvalidInputException(field, "Choose " + spec.label().toLowerCase(Locale.ROOT)
						+ " from the list; '" + value + "' is not one of its choices.");
			}
		}
		R after = update(viewer, recordId, version, with(details, field, parsed));
		return valueOf(after, spec);
	}

	@Override
	public List<RecordWrite> writeAll(UUID actorId, List<UUID> recordIds, String field, String value, String reason,
			List<Long> versions) {
		if (isCustom(field)) {
			CustomField custom = customField(field);
			if (reason != null) {
				throw noReason(custom.label());
			}
			return writeAllCustom(viewer(actorId), recordIds, custom, value, versions);
		}
		Spec spec = spec(field);
		if (reason != null && spec.reason() == null) {
			throw noReason(spec.label());
		}
		Object parsed = parse(spec, value);
		if (spec.input() == Input.SELECT && parsed != null) {
			String text = text(parsed);
			if (spec.options().get().stream().noneMatch(option -> option.value().equals(text))) {
				throw new InvalidInputException(field, "Choose " + spec.label().toLowerCase(Locale.ROOT)
						+ " from the list; '" + value + "' is not one of its choices.");
			}
		}
		V viewer = viewer(actorId);
		List<Written> written = writeAllAtOnce(viewer, recordIds, field, parsed, reason, versions);
		if (written != null) {
			return written.stream()
				.map(w -> new RecordWrite(w.recordId(), w.outcome(), w.reason(),
						w.beforeText() != null ? w.beforeText() : text(w.before()),
						w.outcome() == Outcome.APPLIED ? display(spec, w.before()) : null, w.afterVersion()))
				.toList();
		}
		if (reason != null) {
			// a field asking for a reason is changed set-based, where the reason is
			// applied
			throw new IllegalStateException(this.recordType + " takes the reason of " + field + " nowhere");
		}
		List<RecordWrite> results = new ArrayList<>();
		for (int i = 0; i < recordIds.size(); i++) {
			UUID id = recordIds.get(i);
			try {
				R before = get(viewer, id);
				D details = details(before);
				Object current = valueIn(details, field);
				long version = versions == null ? version(before) : versions.get(i);
				if (version(before) != version) {
					results.add(skipped(id, before, spec));
					continue;
				}
				if (Objects.equals(text(current), text(parsed))) {
					results.add(new RecordWrite(id, Outcome.UNCHANGED, null, null, null, null));
					continue;
				}
				R after = update(viewer, id, version, with(details, field, parsed));
				results.add(new RecordWrite(id, Outcome.APPLIED, null, text(current), display(spec, current),
						version(after)));
			}
			catch (dev.bellwether.platform.StaleRecordException ex) {
				try {
					results.add(skipped(id, get(viewer, id), spec));
				}
				catch (RuntimeException gone) {
					results.add(RecordWrite.refused(id, reason(gone)));
				}
			}
			catch (RuntimeException ex) {
				results.add(RecordWrite.refused(id, reason(ex)));
			}
		}
		return results;
	}

	/**
	 * Changes one field of many records at once, set-based, where the module can; the
	 * value is parsed and checked against the field's choices already.
	 * @param reason as {@link #writeAll}: given only for a field that asks for one
	 * @param versions as {@link #writeAll}: the version each record must be at, or null
	 * @return one result per record in the order given, or {@code null} for one
	 * {@link #write} per record
	 */
	protected List<Written> writeAllAtOnce(V viewer, List<UUID> ids, String field, Object value, String reason,
			List<Long> versions) {
		return null;
	}

	private static InvalidInputException noReason(String label) {
		return new InvalidInputException("reason", label + " takes no reason; leave the reason out.");
	}

	private RecordWrite skipped(UUID id, R now, Spec spec) {
		Object value = valueIn(details(now), spec.name());
		String shown = display(spec, value);
		return new RecordWrite(id, Outcome.SKIPPED, "Changed since by " + lastChangedBy(now)
				+ (shown.isEmpty() ? "" : " (now " + shown + ")") + "; left as it is.", null, null, null);
	}

	/**
	 * Why a record of a bulk change was not changed, as its editor reads it.
	 */
	public static String reason(RuntimeException ex) {
		if (ex instanceof dev.bellwether.platform.RecordNotFoundException) {
			return NOT_FOUND;
		}
		if (ex instanceof dev.bellwether.platform.ForbiddenException || ex instanceof InvalidInputException
				|| ex instanceof dev.bellwether.platform.StaleRecordException) {
			return ex.getMessage();
		}
		log.warn("A record of a bulk change failed", ex);
		return "Failed on our side; it has been logged.";
	}

	/** The reason given for a record the editor can't see (or that is gone). */
	public static final String NOT_FOUND = "Not found: it no longer exists, is in the recycle bin, or is not yours to see.";

	/**
	 * One record of a set-based change: the value before as the record holds it.
	 *
	 * @param beforeText the value before as {@link #writeAll} takes it back to undo the
	 * change, when that is more than the value's text (a deal's loss reason with its
	 * stage); {@code null} for the value's text
	 */
	public record Written(UUID recordId, Outcome outcome, String reason, Object before, Long afterVersion,
			String beforeText) {

		public Written(UUID recordId, Outcome outcome, String reason, Object before, Long afterVersion) {
			this(recordId, outcome, reason, before, afterVersion, null);
		}

		public static Written refused(UUID recordId, String reason) {
			return new Written(recordId, Outcome.REFUSED, reason, null, null);
		}

	}

	@Override
	public void moveToRecycleBin(UUID actorId, UUID recordId) {
		delete(viewer(actorId), recordId);
	}

	@Override
	public void restore(UUID actorId, UUID recordId) {
		restore(viewer(actorId), recordId);
	}

	@Override
	public Map<UUID, String> namesOf(UUID actorId, Collection<UUID> recordIds) {
		V viewer = viewer(actorId);
		Map<UUID, String> names = new LinkedHashMap<>();
		for (UUID id : recordIds) {
			try {
				names.put(id, name(get(viewer, id)));
			}
			catch (RuntimeException notVisible) {
				// not found, in the recycle bin, or not the user's to see: no name
			}
		}
		return names;
	}

	@Override
	public List<UUID> matching(UUID actorId, Map<String, String> filters, int limit) {
		return matching(viewer(actorId), filters, limit);
	}

	private FieldValue valueOf(R record, Spec spec) {
		Object value = valueIn(details(record), spec.name());
		return new FieldValue(text(value), display(spec, value), version(record), lastChangedBy(record),
				lastChangedAt(record));
	}

	private String display(Spec spec, Object value) {
		if (value == null) {
			return "";
		}
		if (spec.display() != null) {
			return spec.display().apply(value);
		}
		if (spec.input() == Input.SELECT) {
			String text = text(value);
			return spec.options()
				.get()
				.stream()
				.filter(option -> option.value().equals(text))
				.map(Option::label)
				.findFirst()
				.orElse(text);
		}
		if (value instanceof BigDecimal decimal) {
			NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
			format.setMinimumFractionDigits(0);
			format.setMaximumFractionDigits(2);
			return format.format(decimal);
		}
		if (value instanceof LocalDate date) {
			return DAY.format(date);
		}
		return text(value);
	}

	private Spec spec(String field) {
		Spec spec = this.specs.get(field);
		if (spec == null) {
			throw new InvalidInputException("field", "'" + field + "' is not a field of " + this.recordType
					+ " that can be changed on its own; choose one of " + String.join(", ", this.specs.keySet()) + ".");
		}
		return spec;
	}

	private Object parse(Spec spec, String value) {
		Class<?> type = component(this.detailsType, spec.name()).getType();
		try {
			Object parsed = parse(type, value);
			if (parsed == null && spec.required()) {
				throw new InvalidInputException(spec.name(), spec.label() + " can't be empty.");
			}
			return parsed;
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new InvalidInputException(spec.name(), "'" + value + "' is not " + expected(type) + ".");
		}
	}

	/**
	 * Reads a value sent as text as the given type.
	 * @throws IllegalArgumentException or {@link DateTimeParseException} when it isn't
	 * one
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Object parse(Class<?> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (type == String.class) {
			return text;
		}
		if (type == BigDecimal.class) {
			return new BigDecimal(text.replace(",", ""));
		}
		if (type == Integer.class || type == int.class) {
			return Integer.valueOf(text.replace(",", ""));
		}
		if (type == LocalDate.class) {
			return LocalDate.parse(text);
		}
		if (type == UUID.class) {
			return UUID.fromString(text);
		}
		if (type == Boolean.class || type == boolean.class) {
			if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
				throw new IllegalArgumentException(text);
			}
			return Boolean.valueOf(text);
		}
		if (type.isEnum()) {
			return Enum.valueOf((Class<? extends Enum>) type, text.toUpperCase(Locale.ROOT));
		}
		throw new IllegalArgumentException("No way to read " + type.getSimpleName());
	}

	private static String expected(Class<?> type) {
		if (type == BigDecimal.class) {
			return "a number such as 12500.00";
		}
		if (type == Integer.class || type == int.class) {
			return "a whole number";
		}
		if (type == LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (type.isEnum()) {
			return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
		}
		return "a valid value";
	}

	/**
	 * @return the value as text, the way {@link #parse} reads it back
	 */
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		String text = value.toString();
		return text.isEmpty() ? null : text;
	}

	private static Object valueIn(Record details, String field) {
		try {
			return component(details.getClass(), field).getAccessor().invoke(details);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return a copy of the details with one field replaced
	 */
	static <T extends Record> T with(T details, String field, Object value) {
		@SuppressWarnings("unchecked")
		Class<T> type = (Class<T>) details.getClass();
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values[i] = components[i].getName().equals(field) ? value : valueIn(details, components[i].getName());
		}
		return construct(type, types, values);
	}

	/**
	 * A list's filter from the parameters of its page's address ({@code q} is the
	 * filter's {@code query}); parameters it does not know are ignored.
	 * @throws InvalidInputException for a value of the wrong type
	 */
	public static <F extends Record> F filterFrom(Class<F> type, Map<String, String> parameters) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			types[i] = component.getType();
			String name = component.getName();
			String value = parameters.get(name);
			if (value == null && name.equals("query")) {
				value = parameters.get("q");
			}
			try {
				values[i] = parse(types[i], value);
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				throw new InvalidInputException(name, "'" + value + "' is not " + expected(types[i]) + ".");
			}
			if (values[i] == null && types[i] == boolean.class) {
				values[i] = false;
			}
		}
		return construct(type, types, values);
	}

	private static <T> T construct(Class<T> type, Class<?>[] types, Object[] values) {
		try {
			Constructor<T> constructor = type.getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return constructor.newInstance(values);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Can't build " + type.getSimpleName(), ex);
		}
	}

	private static RecordComponent component(Class<?> type, String name) {
		for (RecordComponent component : type.getRecordComponents()) {
			if (component.getName().equals(name)) {
				return component;
			}
		}
		return null;
	}

	/**
	 * @return the parameters with some renamed (a page's {@code owner} is its filter's
	 * {@code ownerId})
	 */
	protected static Map<String, String> renamed(Map<String, String> parameters, Map<String, String> names) {
		Map<String, String> renamed = new LinkedHashMap<>(parameters);
		names.forEach((from, to) -> {
			if (parameters.containsKey(from) && !parameters.containsKey(to)) {
				renamed.put(to, parameters.get(from));
			}
		});
		return renamed;
	}

	/**
	 * @return a list's criteria on custom fields among the parameters of its page's
	 * address ({@code cf.<key>}, {@code cf.<key>.from}, {@code cf.<key>.to})
	 */
	protected static CustomFilter customFilter(Map<String, String> parameters) {
		Map<String, String[]> custom = new LinkedHashMap<>();
		parameters.forEach((name, value) -> custom.put(name, new String[] { value }));
		return CustomFilter.of(custom);
	}

	protected static Spec field(String name, String label, Input input) {
		return new Spec(name, label, input, List::of, false, null, null);
	}

	protected static Spec select(String name, String label, Supplier<List<Option>> options) {
		return new Spec(name, label, Input.SELECT, options, false, null, null);
	}

	/**
	 * How one field is edited.
	 *
	 * @param display how a value reads, where the default (an option's label, a number
	 * with its thousands) does not fit
	 * @param reason the reason a bulk change must give with some of its values, or null
	 */
	protected record Spec(String name, String label, Input input, Supplier<List<Option>> options, boolean required,
			Function<Object, String> display, Supplier<EditableField.Reason> reason) {

		public Spec mandatory() {
			return new Spec(this.name, this.label, this.input, this.options, true, this.display, this.reason);
		}

		public Spec displayedAs(Function<Object, String> display) {
			return new Spec(this.name, this.label, this.input, this.options, this.required, display, this.reason);
		}

		/**
		 * A bulk change to some values takes a reason with them; the module's
		 * {@link RecordEditing#writeAllAtOnce} applies it.
		 */
		public Spec askingReason(Supplier<EditableField.Reason> reason) {
			return new Spec(this.name, this.label, this.input, this.options, this.required, this.display, reason);
		}

	}

}
