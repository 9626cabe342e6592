package dev.bellwether.platform.picklist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.picklist.PickListChange.Kind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * The pick lists administrators edit, and the one place forms and the API turn what a
 * person typed or chose into the value a record stores: matched case-insensitively and
 * trimmed against the labels, the keys and the labels a value had before a rename;
 * retired values refused unless the record has the value already.
 * <p>
 * The lists are small and read on every form and API call, so they are held in memory,
 * reloaded after each change on this node and at the latest {@link #RELOAD_AFTER_MILLIS}
 * after a change on another.
 */
@Service
@Transactional(readOnly = true)
public class PickLists {

	public static final String RECORD_TYPE = "pick list";

	static final long RELOAD_AFTER_MILLIS = 10_000;

	/** Named in an error in full up to this many values, then shortened. */
	private static final int NAMED_IN_ERRORS = 40;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Snapshot snapshot;

	PickLists(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return every list, by name
	 */
	public List<PickList> all() {
		return List.copyOf(snapshot().lists.values());
	}

	/**
	 * @throws RecordNotFoundException when there is no such list
	 */
	public PickList get(String name) {
		PickList list = name == null ? null : snapshot().lists.get(name.trim().toLowerCase(Locale.ROOT));
		if (list == null) {
			throw new RecordNotFoundException(RECORD_TYPE, name);
		}
		return list;
	}

	/**
	 * @return the value the input names: its label, its key or a label it had before a
	 * rename, case-insensitively and trimmed (the current labels first)
	 */
	public Optional<PickListValue> find(String list, String input) {
		if (!StringUtils.hasText(input)) {
			return Optional.empty();
		}
		Snapshot current = snapshot();
		PickList pickList = get(list);
		String wanted = input.trim();
		for (PickListValue value : pickList.values()) {
			if (value.label().equalsIgnoreCase(wanted)) {
				return Optional.of(value);
			}
		}
		for (PickListValue value : pickList.values()) {
			if (value.key().equalsIgnoreCase(wanted)) {
				return Optional.of(value);
			}
		}
		String key = current.formerLabels.getOrDefault(pickList.name(), Map.of()).get(wanted.toLowerCase(Locale.ROOT));
		return pickList.values().stream().filter(value -> value.key().equals(key)).findFirst();
	}

	/**
	 * Turns input from a form or the API into what a record stores.
	 * @param field the field named in the error
	 * @param input what was entered; blank for none
	 * @param current what the record stores now ({@code null} for a new record): a
	 * retired value, or one no longer on the list at all, is kept when it is left as it
	 * is
	 * @return the label (or the key, for a list that stores keys), or {@code null} for
	 * blank input
	 * @throws InvalidInputException naming the values allowed, for an unknown or a
	 * retired value
	 */
	public String resolve(String list, String field, String input, String current) {
		if (!StringUtils.hasText(input)) {
			return null;
		}
		PickList pickList = get(list);
		Optional<PickListValue> found = find(list, input);
		if (found.isEmpty()) {
			if (current != null && current.trim().equalsIgnoreCase(input.trim())) {
				return current;
			}
			throw new InvalidInputException(field, "'" + input.trim() + "' is not on the "
					+ pickList.label().toLowerCase(Locale.ROOT) + " list; choose one of " + named(pickList) + ".");
		}
		PickListValue value = found.get();
		if (value.retired()) {
			boolean unchanged = current != null
					&& find(list, current).map(PickListValue::id).filter(value.id()::equals).isPresent();
			if (!unchanged) {
				throw new InvalidInputException(field, "'" + value.label()
						+ "' is retired and no longer offered; choose one of " + named(pickList) + ".");
			}
		}
		return pickList.stored(value);
	}

	/**
	 * @return the label to show for what a record stores (for lists that store labels,
	 * the stored value itself)
	 */
	public String label(String list, String stored) {
		if (stored == null) {
			return null;
		}
		PickList pickList = get(list);
		if (pickList.stores() == PickList.Stores.LABEL) {
			return stored;
		}
		return pickList.values()
			.stream()
			.filter(value -> value.key().equals(stored))
			.map(PickListValue::label)
			.findFirst()
			.orElse(stored);
	}

	/**
	 * @param stored what the record stores now, offered too when it is retired (so that
	 * an edit form shows and keeps it); {@code null} for a new record
	 * @return the values a form offers, what it stores to the label shown, in order
	 */
	public Map<String, String> choices(String list, String stored) {
		PickList pickList = get(list);
		Map<String, String> choices = new LinkedHashMap<>();
		Optional<PickListValue> kept = find(list, stored).filter(PickListValue::retired);
		for (PickListValue value : pickList.values()) {
			if (!value.retired() || kept.map(PickListValue::id).filter(value.id()::equals).isPresent()) {
				choices.put(pickList.stored(value), value.retired() ? value.label() + " (retired)" : value.label());
			}
		}
		if (StringUtils.hasText(stored) && kept.isEmpty() && find(list, stored).isEmpty()) {
			choices.put(stored, stored);
		}
		return choices;
	}

	/**
	 * @return the latest changes to the list, newest first
	 */
	public List<PickListChange> changes(String list, int limit) {
		return this.jdbc.sql("""
				select * from pick_list_changes where list_name = :list order by changed_at desc, id desc limit :limit
				""")
			.param("list", get(list).name())
			.param("limit", limit)
			.query((rs, n) -> new PickListChange(rs.getString("list_name"), rs.getString("value_key"),
					Kind.valueOf(rs.getString("change")), rs.getString("old_label"), rs.getString("new_label"),
					rs.getTimestamp("changed_at").toInstant(), rs.getObject("changed_by", UUID.class)))
			.list();
	}

	/**
	 * Adds a value at the end of the list.
	 */
	@Transactional
	public PickListValue add(UUID actor, String list, String label) {
		PickList pickList = get(list);
		String checked = checkLabel(pickList, label, null);
		String key = uniqueKey(pickList, checked);
		int position = pickList.values().stream().mapToInt(PickListValue::position).max().orElse(0) + 1;
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into pick_list_values (id, list_name, value_key, label, position, retired, created_at, created_by,
					  updated_at, updated_by, version)
					values (:id, :list, :key, :label, :position, false, :now, :actor, :now, :actor, 0)
					""")
			.param("id", id)
			.param("list", pickList.name())
			.param("key", key)
			.param("label", checked)
			.param("position", position)
			.param("now", java.sql.Timestamp.from(now))
			.param("actor", actor)
			.update();
		log(pickList, key, Kind.ADDED, null, checked, actor, now);
		changed();
		return new PickListValue(id, pickList.name(), key, checked, position, false, 0);
	}

	/**
	 * Renames a value; its key stays. Records that store the label follow (the owning
	 * module handles {@link PickListValueRenamed}); the old label is still accepted as
	 * input.
	 */
	@Transactional
	public PickListValue rename(UUID actor, String list, String key, String label) {
		PickList pickList = get(list);
		PickListValue value = value(pickList, key);
		String checked = checkLabel(pickList, label, value);
		if (checked.equals(value.label())) {
			return value;
		}
		Instant now = this.clock.instant();
		update(value, "label = :label", Map.of("label", checked), actor, now);
		log(pickList, key, Kind.RENAMED, value.label(), checked, actor, now);
		this.events.publishEvent(new PickListValueRenamed(pickList.name(), key, value.label(), checked, actor, now));
		changed();
		return new PickListValue(value.id(), value.list(), key, checked, value.position(), value.retired(),
				value.version() + 1);
	}

	/**
	 * Retires a value (kept on the records that have it, no longer offered) or offers it
	 * again.
	 */
	@Transactional
	public PickListValue setRetired(UUID actor, String list, String key, boolean retired) {
		PickList pickList = get(list);
		PickListValue value = value(pickList, key);
		if (value.retired() == retired) {
			return value;
		}
		if (retired && pickList.activeValues().size() <= 1) {
			throw new InvalidInputException("retired",
					pickList.label() + " must keep at least one value offered: add another before retiring this one.");
		}
		Instant now = this.clock.instant();
		update(value, "retired = :retired", Map.of("retired", retired), actor, now);
		log(pickList, key, retired ? Kind.RETIRED : Kind.RESTORED, value.label(), value.label(), actor, now);
		changed();
		return new PickListValue(value.id(), value.list(), key, value.label(), value.position(), retired,
				value.version() + 1);
	}

	/**
	 * Moves a value one place earlier ({@code direction} -1) or later (1) in the list.
	 */
	@Transactional
	public void move(UUID actor, String list, String key, int direction) {
		PickList pickList = get(list);
		PickListValue value = value(pickList, key);
		List<PickListValue> values = pickList.values();
		int at = values.indexOf(value);
		int to = at + Integer.signum(direction);
		if (direction == 0 || to < 0 || to >= values.size()) {
			return;
		}
		PickListValue other = values.get(to);
		Instant now = this.clock.instant();
		// positions are not unique, so two values can swap without a free slot
		update(value, "position = :position", Map.of("position",
				other.position() == value.position() ? value.position() + Integer.signum(direction) : other.position()),
				actor, now);
		update(other, "position = :position", Map.of("position", value.position()), actor, now);
		log(pickList, key, Kind.MOVED, value.label(), value.label(), actor, now);
		changed();
	}

	private PickListValue value(PickList list, String key) {
		return list.values()
			.stream()
			.filter(value -> value.key().equalsIgnoreCase(key == null ? "" : key.trim()))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("pick-list value", list.name() + "/" + key));
	}

	private String checkLabel(PickList list, String label, PickListValue renamed) {
		String trimmed = label == null ? "" : label.trim().replaceAll("\\s+", " ");
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("label", "Enter the value's label.");
		}
		if (trimmed.length() > list.maxLabelLength()) {
			throw new InvalidInputException("label", "Keep the label to " + list.maxLabelLength()
					+ " characters (the records storing it allow no more).");
		}
		for (PickListValue value : list.values()) {
			if (value.label().equalsIgnoreCase(trimmed) && (renamed == null || !value.id().equals(renamed.id()))) {
				throw new InvalidInputException("label", list.label() + " already has the value '" + value.label() + "'"
						+ (value.retired() ? " (retired: restore it instead)." : "."));
			}
		}
		return trimmed;
	}

	private static String uniqueKey(PickList list, String label) {
		String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.isEmpty()) {
			slug = "value";
		}
		if (slug.length() > 70) {
			slug = slug.substring(0, 70);
		}
		String key = slug;
		for (int n = 2; taken(list, key); n++) {
			key = slug + "-" + n;
		}
		return key;
	}

	private static boolean taken(PickList list, String key) {
		return list.values().stream().anyMatch(value -> value.key().equalsIgnoreCase(key));
	}

	private void update(PickListValue value, String assignment, Map<String, Object> params, UUID actor, Instant now) {
		this.jdbc
			.sql("update pick_list_values set " + assignment
					+ ", updated_at = :now, updated_by = :actor, version = version + 1 where id = :id")
			.params(params)
			.param("now", java.sql.Timestamp.from(now))
			.param("actor", actor)
			.param("id", value.id())
			.update();
	}

	private void log(PickList list, String key, Kind kind, String oldLabel, String newLabel, UUID actor, Instant now) {
		this.jdbc
			.sql("""
					insert into pick_list_changes (id, list_name, value_key, change, old_label, new_label, changed_at, changed_by)
					values (:id, :list, :key, :change, :old, :new, :now, :actor)
					""")
			.param("id", Ids.newId())
			.param("list", list.name())
			.param("key", key)
			.param("change", kind.name())
			.param("old", oldLabel)
			.param("new", newLabel)
			.param("now", java.sql.Timestamp.from(now))
			.param("actor", actor)
			.update();
	}

	/**
	 * Reloads now (this transaction sees its own change) and after commit or rollback.
	 */
	private void changed() {
		this.snapshot = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					PickLists.this.snapshot = null;
				}
			});
		}
	}

	private static String named(PickList list) {
		List<String> allowed = list.activeValues().stream().map(PickListValue::label).toList();
		if (allowed.size() <= NAMED_IN_ERRORS) {
			return String.join(", ", allowed);
		}
		return String.join(", ", allowed.subList(0, NAMED_IN_ERRORS)) + " … (" + allowed.size()
				+ " in all: GET /api/v1/pick-lists/" + list.name() + ")";
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null || System.currentTimeMillis() - current.loadedAt > RELOAD_AFTER_MILLIS) {
			current = load();
			this.snapshot = current;
		}
		return current;
	}

	private Snapshot load() {
		Map<String, List<PickListValue>> values = new HashMap<>();
		this.jdbc.sql("select * from pick_list_values order by list_name, position, label")
			.query((rs, n) -> new PickListValue(rs.getObject("id", UUID.class), rs.getString("list_name"),
					rs.getString("value_key"), rs.getString("label"), rs.getInt("position"), rs.getBoolean("retired"),
					rs.getLong("version")))
			.list()
			.forEach(value -> values.computeIfAbsent(value.list(), list -> new ArrayList<>()).add(value));
		Map<String, PickList> lists = new LinkedHashMap<>();
		this.jdbc.sql("""
				select * from pick_lists
				order by case module when 'customers' then 1 when 'sales' then 2 when 'activities' then 3 else 4 end,
				  case name when 'industry' then 0 else 1 end, name
				""")
			.query((rs, n) -> new PickList(rs.getString("name"), rs.getString("label"), rs.getString("module"),
					rs.getString("description"), PickList.Stores.valueOf(rs.getString("stores")),
					rs.getInt("max_label_length"), List.copyOf(values.getOrDefault(rs.getString("name"), List.of()))))
			.list()
			.forEach(list -> lists.put(list.name(), list));
		Map<String, Map<String, String>> formerLabels = new HashMap<>();
		// oldest first, so that a label used twice names the value that had it last
		this.jdbc
			.sql("select list_name, value_key, old_label from pick_list_changes where change = 'RENAMED' "
					+ "order by changed_at, id")
			.query((rs, n) -> List.of(rs.getString("list_name"), rs.getString("value_key"), rs.getString("old_label")))
			.list()
			.forEach(row -> formerLabels.computeIfAbsent(row.get(0), list -> new HashMap<>())
				.put(row.get(2).toLowerCase(Locale.ROOT), row.get(1)));
		return new Snapshot(lists, formerLabels, System.currentTimeMillis());
	}

	private record Snapshot(Map<String, PickList> lists, Map<String, Map<String, String>> formerLabels, long loadedAt) {

	}

}
