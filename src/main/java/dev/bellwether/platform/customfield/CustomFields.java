package dev.bellwether.platform.customfield;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldType.InvalidValueException;
import dev.bellwether.platform.web.Dates;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Custom fields: the definitions administrators keep (table {@code custom_fields}), and
 * the rules every module that owns a record type applies to its records' values — which
 * it stores in its own table's {@code custom} jsonb column. A module:
 * <ul>
 * <li>declares its record type as a {@link CustomRecordType} bean;</li>
 * <li>on create and update, checks the values sent with
 * {@link #apply(String, CustomValues, Map, Predicate, Map)} (with its own rule of when a
 * field is required), stores {@link CustomValues#json()} and the
 * {@link #searchText(String, CustomValues) search text}, and adds
 * {@link #changes(String, CustomValues, CustomValues)} to its {@code RecordChanged};</li>
 * <li>in lists, adds {@link #where(String, String, CustomFilter, Map)} to its conditions
 * and {@link #sortable(String, String)} to its sortable columns.</li>
 * </ul>
 * For display: {@link #active(String)} (the fields a form or a list column offers) and
 * {@link #shown(String, CustomValues, Map)} (a record's values as text, retired fields'
 * too).
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class CustomFields {

	/** The prefix of a custom field's errors: {@code customFields.<key>}. */
	public static final String ERROR_PREFIX = "customFields.";

	/** A field required always (for record types without stages). */
	public static final Predicate<CustomField> REQUIRED_ALWAYS = field -> field.required() == Requirement.ALWAYS;

	static final int MAX_OPTIONS = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final JdbcClient jdbc;

	private final Map<String, CustomRecordType> recordTypes = new LinkedHashMap<>();

	private final ObjectProvider<KnownUsers> users;

	private final Clock clock;

	private final ZoneId zone;

	/**
	 * The definitions by record type, read again after {@link #CACHE_NANOS}: every
	 * create, update and list of a record reads them, a change of them is rare. Dropped
	 * on this node whenever a definition changes here; another node sees the change
	 * within the cache's time.
	 */
	private final Map<String, Definitions> cache = new java.util.concurrent.ConcurrentHashMap<>();

	private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

	private record Definitions(List<CustomField> fields, long readAt) {
	}

	CustomFields(JdbcClient jdbc, List<CustomRecordType> recordTypes, ObjectProvider<KnownUsers> users, Clock clock,
			@Value("${bellwether.time-zone:UTC}") ZoneId zone) {
		this.jdbc = jdbc;
		recordTypes.forEach(type -> this.recordTypes.put(type.recordType(), type));
		this.users = users;
		this.clock = clock;
		this.zone = zone;
	}

	// ---- definitions

	/** The record types administrators may add fields to, in the order declared. */
	public List<CustomRecordType> recordTypes() {
		return List.copyOf(this.recordTypes.values());
	}

	public CustomRecordType recordType(String recordType) {
		CustomRecordType type = this.recordTypes.get(recordType);
		if (type == null) {
			throw new RecordNotFoundException("record type for custom fields", recordType);
		}
		return type;
	}

	/** Every field of the record type, retired ones too, in their order. */
	public List<CustomField> all(String recordType) {
		long now = System.nanoTime();
		Definitions cached = this.cache.get(recordType);
		if (cached != null && now - cached.readAt() < CACHE_NANOS) {
			return cached.fields();
		}
		List<CustomField> fields = List
			.copyOf(this.jdbc.sql("select * from custom_fields where record_type = :type order by position, label")
				.param("type", recordType)
				.query(CustomFields::map)
				.list());
		this.cache.put(recordType, new Definitions(fields, now));
		return fields;
	}

	private void forget() {
		this.cache.clear();
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			// and again once committed, in case another request read the old ones
			// meanwhile
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						CustomFields.this.cache.clear();
					}
				});
		}
	}

	/**
	 * The fields forms, filters and list columns offer for the record type: not retired,
	 * in their order.
	 */
	public List<CustomField> active(String recordType) {
		return all(recordType).stream().filter(field -> !field.isRetired()).toList();
	}

	public CustomField get(UUID id) {
		return this.jdbc.sql("select * from custom_fields where id = :id")
			.param("id", id)
			.query(CustomFields::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("custom field", id));
	}

	/**
	 * Has the owning modules build the index of every active indexed field unless it is
	 * there in its current shape, replacing an index of the old shape (see
	 * {@link CustomFieldIndexes}); run once at start-up
	 * ({@link CustomFieldIndexRebuild}). Cheap when there is nothing to do: a look-up per
	 * indexed field.
	 * @return how many indexed fields were checked
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int rebuildIndexes() {
		int checked = 0;
		for (CustomRecordType type : this.recordTypes.values()) {
			for (CustomField field : active(type.recordType())) {
				if (field.indexed()) {
					type.indexer().accept(field);
					checked++;
				}
			}
		}
		return checked;
	}

	/**
	 * Adds a field at the end of the record type's fields; its key is derived from the
	 * label. When it is indexed, the owning module then builds its index (this can take a
	 * while on a big table; writes go on meanwhile).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public CustomField define(String recordType, CustomFieldDefinition definition) {
		CustomRecordType type = recordType(recordType);
		Map<String, String> errors = new LinkedHashMap<>();
		if (definition.type() == null) {
			errors.put("type", "Choose what the field holds.");
		}
		List<String> options = checkDefinition(type, definition, definition.type(), errors);
		String key = keyOf(definition.label());
		if (!errors.containsKey("label")) {
			if (key.isEmpty()) {
				errors.put("label", "Use letters or digits in the label.");
			}
			else if (type.isBuiltIn(key)) {
				errors.put("label", "'" + definition.label().strip() + "' would be named " + key
						+ ", a built-in field of " + type.label().toLowerCase(Locale.ROOT) + "; choose another label.");
			}
			else if (exists(recordType, key)) {
				errors.put("label", "A field named " + key + " exists already (retired fields keep their names); "
						+ "choose another label.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		try {
			this.jdbc
				.sql("""
						insert into custom_fields (id, record_type, field_key, label, field_type, options, required,
						  required_from, help_text, position, indexed, created_at, created_by, updated_at, updated_by, version)
						values (:id, :type, :key, :label, :fieldType, cast(:options as jsonb), :required, :requiredFrom,
						  :help, (select coalesce(max(position), 0) + 1 from custom_fields where record_type = :type),
						  :indexed, :now, :actor, :now, :actor, 0)
						""")
				.param("id", id)
				.param("type", recordType)
				.param("key", key)
				.param("label", definition.label().strip())
				.param("fieldType", definition.type().name())
				.param("options", JSON.writeValueAsString(options))
				.param("required", definition.required().name())
				.param("requiredFrom",
						definition.required() == Requirement.FROM_STAGE ? definition.requiredFrom() : null)
				.param("help", blankToNull(definition.helpText()))
				.param("indexed", definition.indexed())
				.param("now", utc(now))
				.param("actor", actor())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("label", "A field named " + key + " exists already; choose another label.");
		}
		forget();
		CustomField field = get(id);
		if (field.indexed()) {
			type.indexer().accept(field);
		}
		return field;
	}

	/**
	 * Changes a field's label, help text, options, requirement and whether it is indexed;
	 * its key and type stay. Records keep values of options taken away (shown, and kept
	 * when saved unchanged).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public CustomField change(UUID id, long expectedVersion, CustomFieldDefinition definition) {
		CustomField field = get(id);
		CustomRecordType type = recordType(field.recordType());
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> options = checkDefinition(type, definition, field.type(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int updated = this.jdbc.sql("""
				update custom_fields set label = :label, options = cast(:options as jsonb), required = :required,
				  required_from = :requiredFrom, help_text = :help, indexed = :indexed, updated_at = :now,
				  updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""")
			.param("label", definition.label().strip())
			.param("options", JSON.writeValueAsString(options))
			.param("required", definition.required().name())
			.param("requiredFrom", definition.required() == Requirement.FROM_STAGE ? definition.requiredFrom() : null)
			.param("help", blankToNull(definition.helpText()))
			.param("indexed", definition.indexed())
			.param("now", utc(this.clock.instant()))
			.param("actor", actor())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleRecordException("custom field", id, expectedVersion);
		}
		forget();
		CustomField changed = get(id);
		if (changed.indexed() && !field.indexed()) {
			type.indexer().accept(changed);
		}
		return changed;
	}

	/**
	 * Moves a field one place up (towards the top of forms) or down among its record
	 * type's fields.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void move(UUID id, boolean up) {
		CustomField field = get(id);
		List<CustomField> fields = all(field.recordType());
		int at = fields.indexOf(field);
		int other = up ? at - 1 : at + 1;
		if (at < 0 || other < 0 || other >= fields.size()) {
			return;
		}
		List<CustomField> reordered = new ArrayList<>(fields);
		reordered.set(at, fields.get(other));
		reordered.set(other, field);
		for (int i = 0; i < reordered.size(); i++) {
			this.jdbc.sql("update custom_fields set position = :position, version = version + 1 where id = :id")
				.param("position", i + 1)
				.param("id", reordered.get(i).id())
				.update();
		}
		forget();
	}

	/**
	 * Retires a field: hidden from forms and filters, its values kept and shown (marked)
	 * on record pages; its key is never given to another field.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public CustomField retire(UUID id) {
		get(id);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update custom_fields set retired_at = :now, retired_by = :actor, updated_at = :now, updated_by = :actor,
				  version = version + 1 where id = :id and retired_at is null
				""").param("now", utc(now)).param("actor", actor()).param("id", id).update();
		forget();
		return get(id);
	}

	private List<String> checkDefinition(CustomRecordType type, CustomFieldDefinition definition,
			CustomFieldType fieldType, Map<String, String> errors) {
		String label = definition.label() == null ? "" : definition.label().strip();
		if (label.isEmpty()) {
			errors.put("label", "Enter the field's label.");
		}
		else if (label.length() > 80) {
			errors.put("label", "Keep the label to 80 characters.");
		}
		if (definition.helpText() != null && definition.helpText().strip().length() > 500) {
			errors.put("helpText", "Keep the help text to 500 characters.");
		}
		List<String> options = new ArrayList<>();
		if (fieldType != null && fieldType.hasOptions()) {
			Set<String> seen = new LinkedHashSet<>();
			for (String option : definition.options()) {
				String text = option == null ? "" : option.strip();
				if (text.isEmpty()) {
					continue;
				}
				if (text.contains(",")) {
					errors.putIfAbsent("options", "A choice can't contain a comma: '" + text + "'.");
				}
				else if (text.length() > 100) {
					errors.putIfAbsent("options", "Keep each choice to 100 characters.");
				}
				else if (!seen.add(text.toLowerCase(Locale.ROOT))) {
					errors.putIfAbsent("options", "'" + text + "' is there twice.");
				}
				else {
					options.add(text);
				}
			}
			if (options.isEmpty()) {
				errors.putIfAbsent("options", "Enter the choices, one a line.");
			}
			else if (options.size() > MAX_OPTIONS) {
				errors.putIfAbsent("options", "Offer at most " + MAX_OPTIONS + " choices.");
			}
		}
		if (definition.required() == Requirement.FROM_STAGE) {
			Map<String, String> stages = type.stages().get();
			if (stages.isEmpty()) {
				errors.put("required", type.label() + " have no stages; make the field required always or never.");
			}
			else if (definition.requiredFrom() == null || !stages.containsKey(definition.requiredFrom())) {
				errors.put("requiredFrom", "Choose the stage from which on the field is required.");
			}
		}
		return options;
	}

	private boolean exists(String recordType, String key) {
		return this.jdbc
			.sql("select count(*) from custom_fields where record_type = :type and lower(field_key) = lower(:key)")
			.param("type", recordType)
			.param("key", key)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The key a label gives: its words in lower camel case, accents taken off, other
	 * characters dropped ("Contract end date" is {@code contractEndDate}, "NPS score"
	 * {@code npsScore}); at most 60 characters; a key starting with a digit gets an
	 * {@code f} in front.
	 */
	static String keyOf(String label) {
		if (label == null) {
			return "";
		}
		String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		StringBuilder key = new StringBuilder();
		for (String word : plain.split("[^A-Za-z0-9]+")) {
			if (word.isEmpty()) {
				continue;
			}
			String lower = word.toLowerCase(Locale.ROOT);
			key.append(key.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
		}
		if (!key.isEmpty() && Character.isDigit(key.charAt(0))) {
			key.insert(0, 'f');
		}
		return key.length() > 60 ? key.substring(0, 60) : key.toString();
	}

	private UUID actor() {
		KnownUsers known = this.users.getIfAvailable();
		return known == null ? null : known.currentUserId().orElse(null);
	}

	// ---- values

	/**
	 * Checks the values sent for a record and merges them into the values it had: a key
	 * sent is set (an empty value clears it), a key not sent keeps its value. A value
	 * unchanged is kept as it is, even when it is no longer valid (a choice taken away, a
	 * retired field's value).
	 * @param before the record's values so far ({@link CustomValues#NONE} on create)
	 * @param input key to value, as a form or the API sent them; null when none were sent
	 * @param required which fields the record needs a value of now (the owning module's
	 * rule: e.g. a deal's stage)
	 * @param errors where each problem is put, as {@code customFields.<key>}
	 * @return the record's values
	 */
	public CustomValues apply(String recordType, CustomValues before, Map<String, ?> input,
			Predicate<CustomField> required, Map<String, String> errors) {
		Map<String, CustomField> fields = new LinkedHashMap<>();
		all(recordType).forEach(field -> fields.put(field.key(), field));
		Map<String, Object> values = new TreeMap<>(before.asMap());
		if (input != null) {
			input.forEach((key, raw) -> {
				CustomField field = fields.get(key);
				String error = ERROR_PREFIX + key;
				if (field == null) {
					errors.put(error, "There is no custom field '" + key + "' on "
							+ recordType(recordType).label().toLowerCase(Locale.ROOT) + ".");
					return;
				}
				Object value;
				try {
					value = field.type().parse(raw, field.options(), this.zone);
				}
				catch (InvalidValueException ex) {
					if (!sameAsBefore(field, raw, before)) {
						errors.put(error, ex.getMessage());
					}
					return;
				}
				if (Objects.equals(CustomValues.of(single(key, value)).get(key), before.get(key))) {
					return;
				}
				if (field.isRetired()) {
					errors.put(error, field.label() + " is retired; its value can no longer be changed.");
					return;
				}
				if (field.type() == CustomFieldType.USER && value != null && !userExists(value.toString())) {
					errors.put(error, "There is no user with id " + value + ".");
					return;
				}
				if (value == null) {
					values.remove(key);
				}
				else {
					values.put(key, value);
				}
			});
		}
		for (CustomField field : fields.values()) {
			if (!field.isRetired() && required.test(field) && !values.containsKey(field.key())) {
				errors.putIfAbsent(ERROR_PREFIX + field.key(), "Enter " + field.label() + ": it is required"
						+ (field.required() == Requirement.FROM_STAGE ? " at this stage." : "."));
			}
		}
		return CustomValues.of(values);
	}

	private static Map<String, Object> single(String key, Object value) {
		Map<String, Object> map = new TreeMap<>();
		if (value != null) {
			map.put(key, value);
		}
		return map;
	}

	private static boolean sameAsBefore(CustomField field, Object raw, CustomValues before) {
		Object old = before.get(field.key());
		if (old == null || raw == null) {
			return false;
		}
		if (old instanceof List<?> list) {
			String joined = String.join(",", list.stream().map(Object::toString).toList());
			return raw instanceof Collection<?> collection
					? List.copyOf(collection).stream().map(Object::toString).toList().equals(list) : joined.equals(raw);
		}
		if (old instanceof BigDecimal number) {
			try {
				return number.compareTo(new BigDecimal(raw.toString().strip())) == 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		return old.toString().equals(raw.toString().strip());
	}

	private boolean userExists(String id) {
		KnownUsers known = this.users.getIfAvailable();
		return known == null || known.exists(UUID.fromString(id));
	}

	/**
	 * The field history of a change of values, one {@link FieldChange} per field changed,
	 * under the field's label.
	 */
	public List<FieldChange> changes(String recordType, CustomValues before, CustomValues after) {
		if (before.equals(after)) {
			return List.of();
		}
		FieldChange.Diff diff = new FieldChange.Diff();
		Set<String> seen = new LinkedHashSet<>();
		for (CustomField field : all(recordType)) {
			seen.add(field.key());
			diff.compare(field.label(), historyText(before.get(field.key())), historyText(after.get(field.key())));
		}
		Set<String> rest = new java.util.TreeSet<>(before.asMap().keySet());
		rest.addAll(after.asMap().keySet());
		rest.removeAll(seen);
		rest.forEach(key -> diff.compare(key, historyText(before.get(key)), historyText(after.get(key))));
		return diff.changes();
	}

	private static String historyText(Object value) {
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(Object::toString).toList());
		}
		if (value instanceof Boolean bool) {
			return bool ? "Yes" : "No";
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		return value == null ? null : value.toString();
	}

	/**
	 * The words of the record's text-like values (text, long text, choices, web and
	 * e-mail addresses, phone numbers), for the owning module's {@code custom_text}
	 * column, which the global search reads; null when there are none.
	 */
	public String searchText(String recordType, CustomValues values) {
		if (values.isEmpty()) {
			return null;
		}
		List<String> words = new ArrayList<>();
		for (CustomField field : all(recordType)) {
			Object value = values.get(field.key());
			if (value != null && field.type().isSearched()) {
				String text = historyText(value);
				words.add(text);
				if (field.type() == CustomFieldType.URL || field.type() == CustomFieldType.EMAIL) {
					words.add(text.replaceAll("[.\\-_@/:+]", " "));
				}
			}
		}
		return words.isEmpty() ? null : String.join(" ", words);
	}

	// ---- lists

	/**
	 * @param alias the owning table's alias in the list's query
	 * @return sort property ({@code cf.<key>}) to SQL expression, for the active fields;
	 * the expression of an indexed field is its index's
	 */
	public Map<String, String> sortable(String recordType, String alias) {
		Map<String, String> sortable = new LinkedHashMap<>();
		active(recordType).forEach(field -> sortable.put(field.filterName(), sortExpression(field, alias)));
		return sortable;
	}

	static String sortExpression(CustomField field, String alias) {
		String value = "(" + (alias == null ? "" : alias + ".") + "custom ->> '" + field.key() + "')";
		if (field.type().isNumeric()) {
			return "(" + value + "::numeric)";
		}
		if (field.type() == CustomFieldType.CHECKBOX) {
			return "(" + value + "::boolean)";
		}
		if (field.type() == CustomFieldType.DATE || field.type() == CustomFieldType.DATE_TIME
				|| field.type() == CustomFieldType.USER) {
			return value;
		}
		return "lower" + value;
	}

	/**
	 * The SQL conditions of a list's custom-field criteria, with their parameters added
	 * to {@code params}: an equal value through the table's GIN index ({@code custom @>
	 * '{"key": value}'}), a range through the field's expression index when it is
	 * indexed.
	 * @return the conditions, joined with {@code and}; {@code true} when there are none
	 * @throws InvalidInputException for an unknown or retired field, or a value the field
	 * can't take (the parameter is named)
	 */
	public String where(String recordType, String alias, CustomFilter filter, Map<String, Object> params) {
		if (filter.isEmpty()) {
			return "true";
		}
		Map<String, CustomField> fields = new LinkedHashMap<>();
		all(recordType).forEach(field -> fields.put(field.key(), field));
		List<String> terms = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		int n = params.size();
		for (Map.Entry<String, String> criterion : filter.criteria().entrySet()) {
			String name = criterion.getKey();
			String rest = name.substring(CustomFilter.PREFIX.length());
			String bound = rest.endsWith(".from") ? "from" : rest.endsWith(".to") ? "to" : null;
			String key = bound == null ? rest : rest.substring(0, rest.lastIndexOf('.'));
			CustomField field = fields.get(key);
			if (field == null) {
				errors.put(name, "There is no custom field '" + key + "' to filter "
						+ recordType(recordType).label().toLowerCase(Locale.ROOT) + " by.");
				continue;
			}
			if (field.isRetired()) {
				errors.put(name, field.label() + " is retired; lists can't be filtered by it any more.");
				continue;
			}
			if (bound != null && !field.type().hasRange()) {
				errors.put(name, field.label() + " is " + field.type().label().toLowerCase(Locale.ROOT)
						+ "; filter it by an equal value (" + field.filterName() + "=…), not a range.");
				continue;
			}
			Object value;
			try {
				value = field.type() == CustomFieldType.MULTI_SELECT && bound == null
						? CustomFieldType.PICK_LIST.parse(criterion.getValue(), field.options(), this.zone)
						: field.type().parse(criterion.getValue(), field.options(), this.zone);
			}
			catch (InvalidValueException ex) {
				errors.put(name, field.label() + ": " + ex.getMessage());
				continue;
			}
			String parameter = "cf" + (n++);
			if (bound != null) {
				String expression = sortExpression(field, alias);
				boolean numeric = field.type().isNumeric();
				terms.add(expression + (bound.equals("from") ? " >= " : " <= ")
						+ (numeric ? "cast(:" + parameter + " as numeric)" : ":" + parameter));
				params.put(parameter, numeric ? value : value.toString());
				continue;
			}
			if (Boolean.FALSE.equals(value)) {
				terms.add("not (" + alias + ".custom @> cast(:" + parameter + " as jsonb))");
				params.put(parameter, JSON.writeValueAsString(Map.of(key, true)));
				continue;
			}
			Object contained = field.type() == CustomFieldType.MULTI_SELECT ? List.of(value) : value;
			terms.add(alias + ".custom @> cast(:" + parameter + " as jsonb)");
			params.put(parameter, JSON.writeValueAsString(Map.of(key, contained)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return terms.isEmpty() ? "true" : String.join(" and ", terms);
	}

	// ---- display

	/**
	 * A field and a record's value of it, as a record page shows it.
	 *
	 * @param text the value as text ("—" style emptiness is the page's), null when unset
	 * @param link for web and e-mail addresses: where the value links to
	 * @param inline the value as inline edit takes it back (a date-time in the company's
	 * time zone), or {@code null} to derive it from the value
	 */
	public record ShownValue(CustomField field, Object value, String text, String link, String inline) {

		public ShownValue(CustomField field, Object value, String text, String link) {
			this(field, value, text, link, null);
		}

		public boolean isRetired() {
			return this.field.isRetired();
		}

		/**
		 * @return the value as inline edit takes it back (a multi-select's choices joined
		 * by commas), empty when unset
		 */
		public String inlineValue() {
			if (this.value == null) {
				return "";
			}
			if (this.inline != null) {
				return this.inline;
			}
			if (this.value instanceof List<?> choices) {
				return String.join(",", choices.stream().map(Object::toString).toList());
			}
			if (this.field.type().isNumeric()) {
				return new BigDecimal(this.value.toString()).toPlainString();
			}
			return this.value.toString();
		}

	}

	/**
	 * A record's values for its page: every active field (set or not), and retired fields
	 * that have a value.
	 * @param userNames names of the users the values name ({@link #userIds})
	 */
	public List<ShownValue> shown(String recordType, CustomValues values, Map<UUID, String> userNames) {
		List<ShownValue> shown = new ArrayList<>();
		for (CustomField field : all(recordType)) {
			Object value = values.get(field.key());
			if (field.isRetired() && value == null) {
				continue;
			}
			shown.add(new ShownValue(field, value, text(field, value, userNames), link(field, value),
					value == null ? "" : formValue(field, value)));
		}
		return shown;
	}

	/** The users a record's values of user fields name. */
	public Set<UUID> userIds(String recordType, CustomValues values) {
		Set<UUID> ids = new LinkedHashSet<>();
		if (values.isEmpty()) {
			return ids;
		}
		for (CustomField field : all(recordType)) {
			if (field.type() == CustomFieldType.USER && values.get(field.key()) != null) {
				ids.add(UUID.fromString(values.get(field.key()).toString()));
			}
		}
		return ids;
	}

	/**
	 * A value as text, the way pages show it ("4 Dec 2026", "1,250.00", "12.5%", "Yes").
	 */
	public String text(CustomField field, Object value, Map<UUID, String> userNames) {
		if (value == null) {
			return null;
		}
		return switch (field.type()) {
			case MONEY -> String.format(Locale.ENGLISH, "%,.2f", new BigDecimal(value.toString()));
			case NUMBER -> new BigDecimal(value.toString()).toPlainString();
			case PERCENT -> new BigDecimal(value.toString()).stripTrailingZeros().toPlainString() + "%";
			case DATE -> Dates.format(LocalDate.parse(value.toString()));
			case DATE_TIME -> Dates.format(LocalDate.ofInstant(Instant.parse(value.toString()), this.zone)) + ", "
					+ DateTimeFormatter.ofPattern("HH:mm").format(Instant.parse(value.toString()).atZone(this.zone));
			case CHECKBOX -> Boolean.TRUE.equals(value) ? "Yes" : "No";
			case USER -> userNames.getOrDefault(safeUuid(value), value.toString());
			default -> historyText(value);
		};
	}

	private static UUID safeUuid(Object value) {
		try {
			return UUID.fromString(value.toString());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String link(CustomField field, Object value) {
		if (value == null) {
			return null;
		}
		if (field.type() == CustomFieldType.URL) {
			String url = value.toString();
			return url.matches("(?i)^https?://.*") ? url : "https://" + url;
		}
		if (field.type() == CustomFieldType.EMAIL) {
			return "mailto:" + value;
		}
		return null;
	}

	/**
	 * A record's value of a custom field in a list's cell.
	 *
	 * @param text the value as the page shows it ("1,250.00"), null when unset
	 * @param value the value as inline edit and the API take it back (a form's text)
	 */
	public record Cell(String text, String value) {
	}

	/**
	 * The cells of one list row for the active fields, by column ({@code cf.<key>}).
	 * @param userNames names of the users the values name ({@link #userIds})
	 */
	public Map<String, Cell> cells(String recordType, CustomValues values, Map<UUID, String> userNames) {
		Map<String, Cell> cells = new LinkedHashMap<>();
		if (values == null || values.isEmpty()) {
			return cells;
		}
		Map<String, String> form = formValues(recordType, values);
		for (CustomField field : active(recordType)) {
			Object value = values.get(field.key());
			if (value != null) {
				cells.put(field.filterName(), new Cell(text(field, value, userNames), form.get(field.key())));
			}
		}
		return cells;
	}

	/**
	 * The cells of a list's rows, by row and column, for the template's custom columns.
	 * @param names looks up the names of the users that user fields name
	 */
	public <T> Map<UUID, Map<String, Cell>> cells(String recordType, List<T> rows,
			java.util.function.Function<T, UUID> id, java.util.function.Function<T, CustomValues> values,
			java.util.function.Function<Set<UUID>, Map<UUID, String>> names) {
		Map<UUID, Map<String, Cell>> cells = new LinkedHashMap<>();
		if (active(recordType).isEmpty()) {
			return cells;
		}
		Set<UUID> users = new LinkedHashSet<>();
		rows.forEach(row -> users.addAll(userIds(recordType, values.apply(row))));
		Map<UUID, String> userNames = users.isEmpty() ? Map.of() : names.apply(users);
		rows.forEach(row -> cells.put(id.apply(row), cells(recordType, values.apply(row), userNames)));
		return cells;
	}

	/**
	 * A record's values as a form shows them in its inputs: a date-time in the company's
	 * time zone ({@code datetime-local}), a multi-select's choices joined by commas.
	 */
	public Map<String, String> formValues(String recordType, CustomValues values) {
		Map<String, String> form = new LinkedHashMap<>();
		for (CustomField field : active(recordType)) {
			Object value = values.get(field.key());
			if (value == null) {
				continue;
			}
			form.put(field.key(), formValue(field, value));
		}
		return form;
	}

	/**
	 * @return a value as a form's input (and inline edit) takes it: a date-time in the
	 * company's time zone ({@code datetime-local}), a multi-select's choices joined by
	 * commas
	 */
	private String formValue(CustomField field, Object value) {
		return switch (field.type()) {
			case DATE_TIME ->
				LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(Instant.parse(value.toString()), this.zone));
			case MULTI_SELECT -> String.join(",", ((List<?>) value).stream().map(Object::toString).toList());
			case NUMBER, MONEY, PERCENT -> new BigDecimal(value.toString()).toPlainString();
			default -> value.toString();
		};
	}

	/**
	 * The custom-field messages of a refused change, by key, for a form to show next to
	 * its inputs.
	 */
	public static Map<String, String> formErrors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, message) -> {
			if (field.startsWith(ERROR_PREFIX)) {
				errors.put(field.substring(ERROR_PREFIX.length()), message);
			}
		});
		return errors;
	}

	/**
	 * The refusal without its custom-field messages, for the form's built-in fields.
	 */
	public static Optional<InvalidInputException> withoutCustomErrors(InvalidInputException ex) {
		Map<String, String> rest = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, message) -> {
			if (!field.startsWith(ERROR_PREFIX)) {
				rest.put(field, message);
			}
		});
		return rest.isEmpty() ? Optional.empty() : Optional.of(new InvalidInputException(rest));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static CustomField map(ResultSet rs, int row) throws SQLException {
		List<String> options = JSON.readValue(rs.getString("options"), new TypeReference<List<String>>() {
		});
		return new CustomField(rs.getObject("id", UUID.class), rs.getString("record_type"), rs.getString("field_key"),
				rs.getString("label"), CustomFieldType.valueOf(rs.getString("field_type")), options,
				Requirement.valueOf(rs.getString("required")), rs.getString("required_from"), rs.getString("help_text"),
				rs.getInt("position"), rs.getBoolean("indexed"), instant(rs, "retired_at"), rs.getLong("version"));
	}

}
