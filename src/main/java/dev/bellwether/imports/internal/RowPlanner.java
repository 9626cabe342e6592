package dev.bellwether.imports.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.customers.AccountDetails;
import dev.bellwether.activities.Activities;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.forecasting.QuotaKind;
import dev.bellwether.forecasting.Quotas;
import dev.bellwether.customers.Countries;
import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportField;
import dev.bellwether.imports.ImportField.Kind;
import dev.bellwether.imports.ImportFields;
import dev.bellwether.imports.ImportPreview.Choice;
import dev.bellwether.imports.ImportPreview.Problem;
import dev.bellwether.imports.ImportSettings;
import dev.bellwether.imports.ImportSettings.MatchRule;
import dev.bellwether.imports.ImportSettings.ReferenceRule;
import dev.bellwether.imports.ImportTarget;
import dev.bellwether.imports.file.SourceRow;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.picklist.PickList;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.sales.LineItem;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import org.springframework.stereotype.Component;

/**
 * Reads an import's rows into what each would do: the values it fills (pick-list values,
 * stages, users and accounts resolved), the record it is about, and every problem by
 * column — the same for the preview and the run, so that the run does what the preview
 * said.
 */
@Component
public class RowPlanner {

	/** How close a choice must be to a value to be suggested for it (Jaro-Winkler). */
	static final double SUGGEST_FROM = 0.85;

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private static final java.util.regex.Pattern NOT_A_LETTER = java.util.regex.Pattern.compile("[^a-z]");

	private static final Map<String, String> COUNTRY_ALIASES = Map.ofEntries(Map.entry("usa", "US"),
			Map.entry("u.s.", "US"), Map.entry("u.s.a.", "US"), Map.entry("united states of america", "US"),
			Map.entry("america", "US"), Map.entry("uk", "GB"), Map.entry("u.k.", "GB"),
			Map.entry("great britain", "GB"), Map.entry("britain", "GB"), Map.entry("england", "GB"),
			Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"),
			Map.entry("deutschland", "DE"), Map.entry("holland", "NL"), Map.entry("the netherlands", "NL"),
			Map.entry("españa", "ES"), Map.entry("korea", "KR"), Map.entry("south korea", "KR"),
			Map.entry("russia", "RU"), Map.entry("czech republic", "CZ"), Map.entry("uae", "AE"),
			Map.entry("vietnam", "VN"));

	private static final Map<String, String> COUNTRY_NAMES = new HashMap<>();

	static {
		Countries.all().forEach((code, name) -> COUNTRY_NAMES.put(name.toLowerCase(Locale.ROOT), code));
	}

	private final PickLists pickLists;

	private final PipelineStages stages;

	private final UserDirectory users;

	private final CustomerLookups lookups;

	private final Accounts accounts;

	private final Opportunities opportunities;

	private final InputValidation validation;

	private final ImportStore store;

	private final Clock clock;

	private final CustomFields customFields;

	private final Activities activities;

	private final Quotas quotas;

	private final Products products;

	RowPlanner(PickLists pickLists, PipelineStages stages, UserDirectory users, CustomerLookups lookups,
			Accounts accounts, Opportunities opportunities, InputValidation validation, ImportStore store, Clock clock,
			CustomFields customFields, Activities activities, Quotas quotas, Products products) {
		this.products = products;
		this.customFields = customFields;
		this.quotas = quotas;
		this.activities = activities;
		this.pickLists = pickLists;
		this.stages = stages;
		this.users = users;
		this.lookups = lookups;
		this.accounts = accounts;
		this.opportunities = opportunities;
		this.validation = validation;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * A manager a users file names who is a row of the file, not a user yet: set once the
	 * run has created them.
	 *
	 * @param key the name, e-mail, username or old id the file writes, lower case
	 */
	public record InFile(String key) {
	}

	/** What a row does. */
	public enum Action {

		CREATE, UPDATE, SKIP, REJECT

	}

	/**
	 * One row, read.
	 *
	 * @param values the typed values of the cells the row fills, by field key (an account
	 * to be created is named in {@code newAccount})
	 * @param recordId the record the row is about (update or skip)
	 * @param newAccount the name of an account the row names and the run creates first,
	 * or {@code null}
	 */
	public record Planned(long row, Action action, UUID recordId, Map<String, Object> values, List<Problem> problems,
			String newAccount, String newAccountField) {

		public String message() {
			return String.join(" ", problems.stream().map(Problem::message).toList());
		}

	}

	/**
	 * The choices of a field that has them (pick-list values, stages, users), what is
	 * stored first.
	 */
	public List<Choice> choices(ImportField field) {
		return switch (field.kind()) {
			case PICK -> {
				PickList list = this.pickLists.get(field.list());
				yield list.activeValues().stream().map(v -> new Choice(list.stored(v), v.label())).toList();
			}
			case STAGE -> this.stages.active().stream().map(s -> new Choice(s.id().toString(), s.name())).toList();
			case USER ->
				this.users.activeUsers().stream().map(u -> new Choice(u.id().toString(), u.fullName())).toList();
			case CHOICE -> FixedChoices.of(field);
			case PRODUCT -> this.products.active().stream().map(p -> new Choice(p.id().toString(), label(p))).toList();
			default -> List.of();
		};
	}

	/** Lower case, letters and digits only: "Pro Suite" and "ProSuite" are one. */
	static String fold(String value) {
		return value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	private static String label(Product product) {
		return product.name() + " (" + product.code() + ")";
	}

	public Context start(ImportTarget target, ImportSettings settings, Viewer viewer, String fileName) {
		return new Context(target, settings, viewer, fileName);
	}

	/**
	 * Reading the rows of one import, chunk by chunk: it remembers the accounts it has
	 * decided to create and the records earlier rows create, so that later rows find
	 * them.
	 */
	public final class Context {

		final ImportTarget target;

		final ImportSettings settings;

		final Viewer viewer;

		final String fileName;

		final UUID defaultOwner;

		final Map<String, Map<String, String>> remembered;

		final List<PipelineStage> activeStages;

		final Map<String, User> usersByName = new HashMap<>();

		final Map<UUID, PipelineStage> stagesById = new HashMap<>();

		/** Accounts this import creates or created, by lower-case name. */
		final Map<String, UUID> newAccounts = new HashMap<>();

		/** The near miss of each account name not found ("" for none). */
		final Map<String, String> nearAccounts = new HashMap<>();

		private boolean suggest = true;

		/** Records earlier rows create, by match key. */
		final Map<String, UUID> earlierRows = new HashMap<>();

		/** Values that match no choice: field → value (lower case) → question. */
		final Map<String, Map<String, int[]>> unmatched = new LinkedHashMap<>();

		final Map<String, String> unmatchedAsWritten = new HashMap<>();

		/**
		 * Every user, active or not, by e-mail and username (a users import's matches).
		 */
		final Map<String, User> everyone = new HashMap<>();

		/**
		 * The catalogue, by id, code and name (lower case; a name two products share is
		 * left out).
		 */
		final Map<String, Product> catalogue = new HashMap<>();

		/**
		 * The people the file itself names (by old id, e-mail, username and full name,
		 * lower case): a manager may be a row of the file rather than a user yet.
		 */
		final java.util.Set<String> peopleInFile = new java.util.HashSet<>();

		/** Users an earlier import brought in, by the old id the file names them by. */
		Map<String, UUID> peopleByOldId = Map.of();

		/** The users this import created, by the keys of {@link #peopleInFile}. */
		final Map<String, UUID> peopleCreated = new HashMap<>();

		Context(ImportTarget target, ImportSettings settings, Viewer viewer, String fileName) {
			this.target = target;
			this.settings = settings;
			this.viewer = viewer;
			this.fileName = fileName;
			this.defaultOwner = settings.defaultOwnerId() != null ? settings.defaultOwnerId() : viewer.id();
			this.remembered = RowPlanner.this.store.rememberedValues(target);
			this.activeStages = RowPlanner.this.stages.active();
			RowPlanner.this.stages.all().forEach(stage -> this.stagesById.put(stage.id(), stage));
			// by id, user name, e-mail and full name, in that order of precedence: looked
			// up
			// for every row
			List<User> active = RowPlanner.this.users.activeUsers();
			active.forEach(u -> this.usersByName.putIfAbsent(u.id().toString(), u));
			active.forEach(u -> this.usersByName.putIfAbsent(u.username().toLowerCase(Locale.ROOT), u));
			active.stream()
				.filter(u -> u.email() != null)
				.forEach(u -> this.usersByName.putIfAbsent(u.email().toLowerCase(Locale.ROOT), u));
			active.forEach(u -> this.usersByName.putIfAbsent(u.fullName().toLowerCase(Locale.ROOT), u));
			if (target == ImportTarget.USER) {
				for (User user : RowPlanner.this.users.allUsers()) {
					this.everyone.putIfAbsent(user.email().toLowerCase(Locale.ROOT), user);
					this.everyone.putIfAbsent(user.username(), user);
				}
			}
			if (target == ImportTarget.LINE_ITEM || target == ImportTarget.PRODUCT) {
				Map<String, Integer> names = new HashMap<>();
				List<Product> all = RowPlanner.this.products.all();
				all.forEach(p -> names.merge(p.name().trim().toLowerCase(Locale.ROOT), 1, Integer::sum));
				for (Product product : all) {
					this.catalogue.put(product.id().toString(), product);
					this.catalogue.put(product.code().toLowerCase(Locale.ROOT), product);
				}
				for (Product product : all) {
					String name = product.name().trim().toLowerCase(Locale.ROOT);
					if (names.get(name) == 1) {
						this.catalogue.putIfAbsent(name, product);
					}
				}
			}
		}

		/**
		 * Notes the people a users file names, before its rows are planned, so that a
		 * manager named by a later row (or an earlier one) is found.
		 */
		public void scanPeople(Iterable<SourceRow> rows, Map<String, Integer> columnOf) {
			List<String> managers = new ArrayList<>();
			String managerColumn = columnOf("manager");
			Integer managerIndex = managerColumn == null ? null : columnOf.get(managerColumn);
			for (SourceRow row : rows) {
				if (managerIndex != null && row.problem() == null && row.cell(managerIndex) != null) {
					managers.add(row.cell(managerIndex).trim());
				}
				for (Map.Entry<String, String> column : this.settings.columns().entrySet()) {
					Integer index = columnOf.get(column.getKey());
					if (index != null
							&& List.of("externalId", "email", "username", "fullName").contains(column.getValue())
							&& row.problem() == null) {
						String cell = row.cell(index);
						if (cell != null && !cell.isBlank()) {
							this.peopleInFile.add(cell.trim().toLowerCase(Locale.ROOT));
						}
					}
				}
			}
			this.peopleByOldId = RowPlanner.this.users.idsByExternalId(managers);
		}

		/**
		 * Registers a user the run created for a row, so that rows naming them as their
		 * manager find them.
		 */
		public void personCreated(Map<String, Object> values, UUID id) {
			for (String key : List.of("externalId", "email", "username", "fullName")) {
				if (values.get(key) != null) {
					this.peopleCreated.put(values.get(key).toString().trim().toLowerCase(Locale.ROOT), id);
				}
			}
		}

		/**
		 * Registers what the run created for a row, so that later rows match it.
		 */
		public void created(Planned planned, UUID id) {
			String key = matchKey(planned.values());
			if (key != null) {
				this.earlierRows.put(key, id);
			}
		}

		/**
		 * @return the account this import created for the name, or {@code null}
		 */
		public UUID newAccountId(String name) {
			return this.newAccounts.get(name.trim().toLowerCase(Locale.ROOT));
		}

		public void accountCreated(String name, UUID id) {
			this.newAccounts.put(name.trim().toLowerCase(Locale.ROOT), id);
		}

		/**
		 * @return how many accounts rows name that are not found and would be created
		 */
		public int accountsToCreate() {
			return (int) this.newAccounts.values().stream().filter(id -> id == null).count();
		}

		/**
		 * @return the values that match no choice, with the rows that use them and the
		 * closest choice
		 */
		public List<dev.bellwether.imports.ImportPreview.Question> questions() {
			List<dev.bellwether.imports.ImportPreview.Question> questions = new ArrayList<>();
			this.unmatched.forEach((field, values) -> {
				ImportField f = ImportFields.find(this.target, field).orElseThrow();
				List<Choice> choices = choices(f);
				values.forEach((value, count) -> questions.add(new dev.bellwether.imports.ImportPreview.Question(field,
						this.unmatchedAsWritten.get(field + "\u0000" + value), count[0],
						(f.kind() == Kind.PRODUCT ? nearProduct(value) : suggest(value, choices)).orElse(null))));
			});
			return questions;
		}

		public List<Planned> plan(List<SourceRow> rows, Map<String, Integer> columnOf) {
			List<Read> read = new ArrayList<>(rows.size());
			for (SourceRow row : rows) {
				read.add(read(row, columnOf));
			}
			Lookups found = lookup(read);
			List<Planned> planned = new ArrayList<>(read.size());
			for (Read row : read) {
				planned.add(decide(row, found));
			}
			return planned;
		}

		private record Read(SourceRow source, Map<String, Object> values, Map<String, String> cells,
				List<Problem> problems) {
		}

		private Read read(SourceRow row, Map<String, Integer> columnOf) {
			Map<String, Object> values = new LinkedHashMap<>();
			Map<String, String> cells = new LinkedHashMap<>();
			List<Problem> problems = new ArrayList<>();
			if (row.problem() != null) {
				problems.add(new Problem(row.number(), null, null, null, row.problem(), true));
				return new Read(row, values, cells, problems);
			}
			for (Map.Entry<String, String> column : this.settings.columns().entrySet()) {
				Optional<ImportField> field = ImportFields.find(this.target, column.getValue());
				Integer index = columnOf.get(column.getKey());
				if (field.isEmpty() || index == null) {
					continue;
				}
				String cell = row.cell(index);
				if (cell == null || cell.isBlank()) {
					continue;
				}
				cells.put(field.get().key(), cell.trim());
				try {
					Object value = parse(field.get(), cell.trim(), row.number(), column.getKey(), problems);
					if (value != null) {
						values.put(field.get().key(), value);
					}
				}
				catch (IllegalArgumentException ex) {
					problems.add(
							new Problem(row.number(), column.getKey(), field.get().key(), cell, ex.getMessage(), true));
				}
			}
			return new Read(row, values, cells, problems);
		}

		private Object parse(ImportField field, String cell, long row, String column, List<Problem> problems) {
			return switch (field.kind()) {
				case TEXT, ACCOUNT, CONTACT, DEAL, CUSTOM -> cell;
				case EXTERNAL_ID -> {
					if (cell.length() > 100) {
						throw new IllegalArgumentException("An id of the old system is at most 100 characters long.");
					}
					yield cell;
				}
				case INTEGER -> Cells.integer(cell);
				case MONEY -> Cells.money(cell);
				case NUMBER -> Cells.number(cell);
				case PRODUCT -> cell;
				case PERCENT -> Cells.percent(cell);
				case DATE -> List.of("createdAt", "closedAt", "startsAt", "endsAt").contains(field.key())
						? Cells.dateTime(cell, this.settings.dateOrder(), RowPlanner.this.clock.getZone())
						: Cells.date(cell, this.settings.dateOrder());
				case PICK, STAGE, CHOICE -> {
					Optional<String> chosen = choose(field, cell);
					if (chosen.isEmpty()) {
						unmatched(field, cell);
						throw new IllegalArgumentException(notOnList(field, cell));
					}
					yield chosen.get().isEmpty() ? null
							: field.kind() == Kind.STAGE ? UUID.fromString(chosen.get()) : chosen.get();
				}
				case USER -> {
					Optional<String> chosen = choose(field, cell);
					if (chosen.isPresent() && !chosen.get().isEmpty()) {
						yield UUID.fromString(chosen.get());
					}
					String person = cell.trim().toLowerCase(Locale.ROOT);
					UUID byOldId = this.peopleByOldId.get(cell.trim());
					if (byOldId != null && this.usersByName.containsKey(byOldId.toString())) {
						yield byOldId;
					}
					if (this.target == ImportTarget.USER && this.peopleInFile.contains(person)) {
						// a manager the file brings in too: set once the run has created
						// them
						yield new InFile(person);
					}
					if (this.settings.reference(field.key()) == ReferenceRule.REJECT) {
						throw new IllegalArgumentException("No active user is called '" + cell + "'.");
					}
					problems.add(new Problem(row, column, field.key(), cell, "No active user is called '" + cell + "'; "
							+ ("manager".equals(field.key()) ? "the person gets no manager." : "the "
									+ field.label().toLowerCase(Locale.ROOT) + " is left to the default owner."),
							false));
					yield null;
				}
			};
		}

		private String notOnList(ImportField field, String cell) {
			return "'" + cell + "' is not a "
					+ (field.kind() == Kind.STAGE ? "stage" : field.label().toLowerCase(Locale.ROOT))
					+ " Bellwether knows; map it to one in the preview.";
		}

		private void unmatched(ImportField field, String cell) {
			String value = cell.toLowerCase(Locale.ROOT);
			this.unmatched.computeIfAbsent(field.key(), k -> new LinkedHashMap<>())
				.computeIfAbsent(value, v -> new int[1])[0]++;
			this.unmatchedAsWritten.putIfAbsent(field.key() + "\u0000" + value, cell);
		}

		/**
		 * @return what the cell means for the field: the import's own mapping first, then
		 * one remembered from earlier imports, then the choices themselves; an empty
		 * string for a value mapped to nothing
		 */
		Optional<String> choose(ImportField field, String cell) {
			String key = cell.toLowerCase(Locale.ROOT);
			String mapped = lower(this.settings.values().get(field.key())).get(key);
			if (mapped == null) {
				mapped = this.remembered.getOrDefault(field.key(), Map.of()).get(key);
			}
			if (mapped != null) {
				return Optional.of(mapped);
			}
			return switch (field.kind()) {
				case PICK -> pick(field.list(), cell);
				case STAGE -> stage(cell).map(s -> s.id().toString());
				case USER -> user(cell).map(u -> u.id().toString());
				case CHOICE -> FixedChoices.find(field, cell);
				case PRODUCT -> product(cell).map(p -> p.id().toString());
				default -> Optional.empty();
			};
		}

		/**
		 * @return the product the cell names by its code, its name or (within Bellwether)
		 * its id
		 */
		private Optional<Product> product(String cell) {
			return Optional.ofNullable(this.catalogue.get(cell.trim().toLowerCase(Locale.ROOT)));
		}

		/**
		 * @return the product a value not found most likely means: its code or name
		 * written with other spaces or punctuation ("Pro Suite" for "ProSuite"), else the
		 * most similar name or code
		 */
		Optional<Choice> nearProduct(String value) {
			String folded = fold(value);
			Product best = null;
			double score = 0;
			for (Product product : this.catalogue.values()) {
				if (!product.active()) {
					continue;
				}
				double similarity = Math.max(SIMILARITY.apply(folded, fold(product.name())),
						SIMILARITY.apply(folded, fold(product.code())));
				if (similarity > score) {
					score = similarity;
					best = product;
				}
			}
			return score >= SUGGEST_FROM && best != null ? Optional.of(new Choice(best.id().toString(), label(best)))
					: Optional.empty();
		}

		private Optional<String> pick(String list, String cell) {
			Optional<PickListValue> found = RowPlanner.this.pickLists.find(list, cell);
			if (found.isEmpty() && "country".equals(list)) {
				String key = cell.trim().toLowerCase(Locale.ROOT);
				String code = COUNTRY_ALIASES.getOrDefault(key, COUNTRY_NAMES.get(key));
				found = code == null ? Optional.empty() : RowPlanner.this.pickLists.find(list, code);
			}
			return found.filter(v -> !v.retired()).map(v -> RowPlanner.this.pickLists.get(list).stored(v));
		}

		private Optional<PipelineStage> stage(String cell) {
			String name = cell.trim();
			for (PipelineStage stage : this.activeStages) {
				if (stage.name().equalsIgnoreCase(name)) {
					return Optional.of(stage);
				}
			}
			String folded = NOT_A_LETTER.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
			if (List.of("won", "closedwon", "win", "closedwin").contains(folded)) {
				return this.activeStages.stream().filter(PipelineStage::isWon).findFirst();
			}
			if (List.of("lost", "closedlost", "loss", "closedloss").contains(folded)) {
				return this.activeStages.stream().filter(PipelineStage::isLost).findFirst();
			}
			return Optional.empty();
		}

		private Optional<User> user(String cell) {
			return Optional.ofNullable(this.usersByName.get(cell.trim().toLowerCase(Locale.ROOT)));
		}

		private record Lookups(Map<String, UUID> accountsByExternalId, Map<String, List<UUID>> accountsByName,
				Map<String, List<UUID>> accountsByDomain, Map<String, UUID> contactsByExternalId,
				Map<String, List<UUID>> contactsByEmail, Map<String, UUID> dealsByExternalId,
				Map<String, List<UUID>> dealsByName, Map<String, UUID> activitiesByExternalId,
				Map<String, UUID> ownByExternalId, Map<String, UUID> productsByExternalId,
				Map<UUID, List<LineItem>> lineItemsOfDeals) {
		}

		private Lookups lookup(List<Read> rows) {
			List<String> externalIds = new ArrayList<>();
			List<String> names = new ArrayList<>();
			List<String> domains = new ArrayList<>();
			List<String> emails = new ArrayList<>();
			List<String> dealNames = new ArrayList<>();
			for (Read row : rows) {
				Map<String, Object> v = row.values();
				for (String key : List.of("account", "parent")) {
					if (v.get(key) instanceof String reference) {
						externalIds.add(reference);
						names.add(reference);
						domains.add(domainOf(reference));
					}
				}
				if (v.get("contact") instanceof String email) {
					emails.add(email);
				}
				if (v.get("opportunity") instanceof String deal) {
					externalIds.add(deal);
					dealNames.add(deal);
				}
				if (v.get("product") instanceof String product) {
					externalIds.add(product);
				}
				if (v.get("externalId") instanceof String id) {
					externalIds.add(id);
				}
				if (this.target == ImportTarget.ACCOUNT) {
					names.add((String) v.get("name"));
					domains.add(domainOf((String) v.get("website")));
				}
				if (this.target == ImportTarget.CONTACT) {
					emails.add((String) v.get("email"));
				}
			}
			boolean contacts = this.target != ImportTarget.ACCOUNT;
			boolean deals = this.target == ImportTarget.OPPORTUNITY || this.target == ImportTarget.ACTIVITY
					|| this.target == ImportTarget.LINE_ITEM;
			Map<String, UUID> dealsByExternalId = deals ? RowPlanner.this.opportunities.idsByExternalId(externalIds)
					: Map.of();
			Map<String, List<UUID>> dealsByName = dealNames.isEmpty() ? Map.of()
					: RowPlanner.this.opportunities.idsByName(dealNames);
			Map<String, UUID> own = switch (this.target) {
				case USER -> RowPlanner.this.users.idsByExternalId(externalIds);
				case PRODUCT -> RowPlanner.this.products.idsByExternalId(externalIds);
				case LINE_ITEM -> RowPlanner.this.opportunities.lineItemIdsByExternalId(externalIds);
				default -> Map.of();
			};
			Map<UUID, List<LineItem>> lines = Map.of();
			if (this.target == ImportTarget.LINE_ITEM && this.settings.match() == MatchRule.EXTERNAL_ID_OR_RULE) {
				// the lines already on the rows' deals, to find a row's line by its
				// product
				List<UUID> dealIds = new ArrayList<>();
				for (String deal : dealNames) {
					UUID byId = dealsByExternalId.get(deal.trim());
					if (byId != null) {
						dealIds.add(byId);
					}
					else {
						dealIds.addAll(dealsByName.getOrDefault(deal.trim().toLowerCase(Locale.ROOT), List.of()));
					}
				}
				lines = RowPlanner.this.opportunities.lineItemsOf(dealIds);
			}
			return new Lookups(RowPlanner.this.lookups.accountsByExternalId(externalIds),
					RowPlanner.this.lookups.accountsByName(names), RowPlanner.this.lookups.accountsByDomain(domains),
					contacts ? RowPlanner.this.lookups.contactsByExternalId(externalIds) : Map.of(),
					contacts ? RowPlanner.this.lookups.contactsByEmail(emails) : Map.of(), dealsByExternalId,
					dealsByName,
					this.target == ImportTarget.ACTIVITY ? RowPlanner.this.activities.idsByExternalId(externalIds)
							: Map.of(),
					own, this.target == ImportTarget.LINE_ITEM ? RowPlanner.this.products.idsByExternalId(externalIds)
							: Map.of(),
					lines);
		}

		private Planned decide(Read row, Lookups found) {
			long number = row.source().number();
			Map<String, Object> values = row.values();
			List<Problem> problems = row.problems();
			String newAccount = null;
			String newAccountField = null;
			for (String key : List.of("account", "parent")) {
				if (!(values.get(key) instanceof String reference)) {
					continue;
				}
				ImportField field = ImportFields.find(this.target, key).orElse(null);
				if (field == null) {
					continue;
				}
				String column = columnOf(key);
				Optional<UUID> account = account(reference, found, number, column, key, problems);
				if (account.isPresent()) {
					values.put(key, account.get());
					continue;
				}
				values.remove(key);
				if (problems.stream().anyMatch(p -> key.equals(p.field()))) {
					continue;
				}
				ReferenceRule rule = this.settings.reference(key);
				String suggestion = nearAccount(reference);
				String missing = "No account '" + reference + "' was found" + suggestion;
				if (rule == ReferenceRule.CREATE) {
					newAccount = reference;
					newAccountField = key;
					this.newAccounts.putIfAbsent(reference.trim().toLowerCase(Locale.ROOT), null);
					problems.add(new Problem(number, column, key, reference, missing + "; it is created.", false));
				}
				else if (rule == ReferenceRule.REJECT || field.required()) {
					problems.add(new Problem(number, column, key, reference, missing + ".", true));
				}
				else {
					problems.add(
							new Problem(number, column, key, reference, missing + "; the field is left empty.", false));
				}
			}
			if (values.get("contact") instanceof String email) {
				List<UUID> contacts = found.contactsByEmail().getOrDefault(CustomerLookups.key(email), List.of());
				values.remove("contact");
				if (contacts.size() == 1) {
					values.put("contact", contacts.get(0));
				}
				else {
					boolean reject = this.settings.reference("contact") == ReferenceRule.REJECT;
					problems.add(new Problem(number, columnOf("contact"), "contact", email,
							(contacts.isEmpty() ? "No contact has the e-mail address '" + email + "'"
									: contacts.size() + " contacts have the e-mail address '" + email + "'")
									+ (reject ? "."
											: this.target == ImportTarget.ACTIVITY
													? "; the activity is linked to no contact."
													: "; the deal gets no primary contact."),
							reject));
				}
			}
			if (values.get("opportunity") instanceof String deal) {
				values.remove("opportunity");
				UUID byId = found.dealsByExternalId().get(deal.trim());
				List<UUID> deals = byId != null ? List.of(byId)
						: found.dealsByName().getOrDefault(deal.trim().toLowerCase(Locale.ROOT), List.of());
				if (deals.size() == 1) {
					values.put("opportunity", deals.get(0));
				}
				else {
					boolean reject = deals.size() > 1 || this.settings.reference("opportunity") == ReferenceRule.REJECT
							|| this.target == ImportTarget.LINE_ITEM;
					problems.add(new Problem(number, columnOf("opportunity"), "opportunity", deal,
							(deals.isEmpty() ? "No deal has the old id or name '" + deal + "'"
									: deals.size() + " deals are called '" + deal + "'; name it by the old system's id")
									+ (reject ? "." : "; the activity is linked to no deal."),
							reject));
				}
			}
			if (this.target == ImportTarget.QUOTA) {
				readPeriod(number, values, problems);
			}
			if (values.get("product") instanceof String product) {
				resolveProduct(number, product, found, values, problems);
			}
			UUID matched = null;
			String matchProblem = null;
			if (this.settings.match() != MatchRule.NONE) {
				String externalId = (String) values.get("externalId");
				if (externalId != null) {
					matched = switch (this.target) {
						case ACCOUNT -> found.accountsByExternalId().get(externalId);
						case CONTACT -> found.contactsByExternalId().get(externalId);
						case OPPORTUNITY -> found.dealsByExternalId().get(externalId);
						case ACTIVITY -> found.activitiesByExternalId().get(externalId);
						case QUOTA -> null;
						case USER, PRODUCT, LINE_ITEM -> found.ownByExternalId().get(externalId);
					};
				}
				if (matched == null && this.settings.match() == MatchRule.EXTERNAL_ID_OR_RULE) {
					List<UUID> candidates = switch (this.target) {
						case ACCOUNT -> {
							List<UUID> byName = found.accountsByName()
								.getOrDefault(CustomerLookups.key((String) values.get("name")), List.of());
							yield !byName.isEmpty() ? byName : found.accountsByDomain()
								.getOrDefault(domainOf((String) values.get("website")), List.of());
						}
						case CONTACT -> found.contactsByEmail()
							.getOrDefault(CustomerLookups.key((String) values.get("email")), List.of());
						case OPPORTUNITY, ACTIVITY -> List.of();
						case USER -> person(values).map(u -> List.of(u.id())).orElse(List.of());
						case PRODUCT -> values.get("code") instanceof String code
								&& this.catalogue.get(code.trim().toLowerCase(Locale.ROOT)) != null
										? List.of(this.catalogue.get(code.trim().toLowerCase(Locale.ROOT)).id())
										: List.<UUID>of();
						case LINE_ITEM -> values.get("opportunity") instanceof UUID deal
								&& values.get("product") instanceof UUID product
										? found.lineItemsOfDeals()
											.getOrDefault(deal, List.of())
											.stream()
											.filter(item -> item.productId().equals(product))
											.map(LineItem::id)
											.toList()
										: List.<UUID>of();
						// a person's quota for the period is the record
						case QUOTA -> quotaSet(values) ? List.of((UUID) values.get("owner")) : List.<UUID>of();
					};
					if (candidates.size() == 1) {
						matched = candidates.get(0);
					}
					else if (candidates.size() > 1) {
						matchProblem = candidates.size() + " existing " + this.target.collection()
								+ " match this row; give it the old system's id, or merge them first.";
					}
				}
			}
			String key = matchKey(values);
			boolean earlier = matched == null && key != null && this.earlierRows.containsKey(key);
			if (earlier) {
				// the record an earlier row of the file creates (known once the run has
				// written it)
				matched = this.earlierRows.get(key);
				problems.add(new Problem(number, null, null, null,
						"An earlier row of the file is about the same record.", false));
			}
			if (matchProblem != null) {
				problems.add(new Problem(number, null, null, null, matchProblem, true));
			}
			boolean rejected = problems.stream().anyMatch(Problem::rejects);
			if (rejected) {
				if (matched == null && !earlier) {
					// the rest of what a new record needs, so that one pass over the
					// file shows every problem of the row
					checkNew(number, values, row.cells(), problems, newAccount != null);
				}
				return new Planned(number, Action.REJECT, matched, values, problems, null, null);
			}
			if (matched != null || earlier) {
				Action action = this.settings.onMatch() == ImportSettings.OnMatch.UPDATE ? Action.UPDATE : Action.SKIP;
				return new Planned(number, action, matched, values, problems, null, null);
			}
			checkNew(number, values, row.cells(), problems, newAccount != null);
			rejected = problems.stream().anyMatch(Problem::rejects);
			if (!rejected) {
				if (key != null) {
					this.earlierRows.putIfAbsent(key, null);
				}
			}
			return new Planned(number, rejected ? Action.REJECT : Action.CREATE, null, values, problems,
					rejected ? null : newAccount, newAccountField);
		}

		/**
		 * The rules a new record must meet, checked as its module checks them, so that
		 * the preview refuses what the run would.
		 */
		private void checkNew(long number, Map<String, Object> values, Map<String, String> cells,
				List<Problem> problems, boolean newAccount) {
			if (this.target == ImportTarget.OPPORTUNITY && !values.containsKey("name")
					&& cells.containsKey("account")) {
				// exports of deals often have no name: the deal is named after its
				// account
				String externalId = (String) values.get("externalId");
				values.put("name", cells.get("account") + (externalId == null ? "" : " (" + externalId + ")"));
			}
			for (ImportField field : ImportFields.of(this.target)) {
				if (field.required() && !values.containsKey(field.key())
						&& !(newAccount && field.kind() == Kind.ACCOUNT)) {
					if ("closeDate".equals(field.key())) {
						continue;
					}
					addOnce(problems, new Problem(number, columnOf(field.key()), field.key(), null,
							"A new record needs its " + field.label().toLowerCase(Locale.ROOT) + ".", true));
				}
			}
			Object details = switch (this.target) {
				case ACCOUNT -> Binders.account(null, values, this.defaultOwner);
				case CONTACT -> Binders.contact(null, values, this.defaultOwner);
				case OPPORTUNITY -> {
					completeDeal(number, values, problems);
					yield Binders.opportunity(null, values, this.defaultOwner);
				}
				case ACTIVITY -> Binders.activity(null, values, this.defaultOwner, RowPlanner.this.clock);
				case USER -> {
					checkNewUser(number, values, problems);
					yield null;
				}
				case PRODUCT -> Binders.product(null, values);
				case LINE_ITEM -> Binders.lineItem(null, values);
				case QUOTA -> {
					if (values.get("amount") instanceof BigDecimal amount && amount.signum() < 0) {
						addOnce(problems, new Problem(number, columnOf("amount"), "amount", cellOf(values, "amount"),
								"A quota can't be negative.", true));
					}
					yield null;
				}
			};
			if (details instanceof ActivityDetails activity) {
				RowPlanner.this.activities.ruleViolations(activity).forEach((field, message) -> {
					String key = Binders.fieldOf(field);
					addOnce(problems, new Problem(number, columnOf(key), key, cellOf(values, key), message, true));
				});
			}
			Map<String, String> customErrors = new LinkedHashMap<>();
			RowPlanner.this.customFields.apply(this.target.recordType(), CustomValues.NONE, custom(values),
					field -> field.required() == CustomField.Requirement.ALWAYS, customErrors);
			customErrors.forEach((field, message) -> {
				String key = ImportFields.CUSTOM + field.substring(CustomFields.ERROR_PREFIX.length());
				addOnce(problems, new Problem(number, columnOf(key), key, cellOf(values, key), message, true));
			});
			if (details == null) {
				return;
			}
			RowPlanner.this.validation.violations(details).forEach((field, message) -> {
				String key = Binders.fieldOf(field);
				if (newAccount && "account".equals(key)) {
					return;
				}
				addOnce(problems, new Problem(number, columnOf(key), key, cellOf(values, key), message, true));
			});
		}

		/**
		 * Adds the problem unless the field has one already (a cell that could not be
		 * read is not also "missing", nor refused twice).
		 */
		private static void addOnce(List<Problem> problems, Problem problem) {
			if (problem.field() == null || problems.stream().noneMatch(p -> problem.field().equals(p.field()))) {
				problems.add(problem);
			}
		}

		/**
		 * A deal's close date from the file, its closing date or the import's default; a
		 * lost deal without a reason gets "Other", saying so.
		 */
		private void completeDeal(long number, Map<String, Object> values, List<Problem> problems) {
			PipelineStage stage = values.get("stage") instanceof UUID id ? this.stagesById.get(id) : null;
			if (!values.containsKey("closeDate")) {
				if (stage != null && !stage.isOpen() && values.get("closedAt") instanceof Instant closedAt) {
					values.put("closeDate", closedAt.atZone(RowPlanner.this.clock.getZone()).toLocalDate());
				}
				else if (stage != null && stage.isOpen() && this.settings.defaultCloseDate() != null) {
					values.put("closeDate", this.settings.defaultCloseDate());
					addOnce(problems, new Problem(number, columnOf("closeDate"), "closeDate", null,
							"No close date: it gets " + this.settings.defaultCloseDate() + ", the import's default.",
							false));
				}
				else {
					addOnce(problems, new Problem(number, columnOf("closeDate"), "closeDate", null,
							stage != null && stage.isOpen()
									? "An open deal needs a close date; choose one for deals without in the preview."
									: "A closed deal needs the date it closed.",
							true));
				}
			}
			if (stage != null && stage.isLost() && !values.containsKey("lossReason")) {
				values.put("lossReason", "other");
				values.put("lossReasonDetail", "Not given in " + this.fileName);
				addOnce(problems, new Problem(number, columnOf("lossReason"), "lossReason", null,
						"A lost deal without a loss reason gets 'Other' (not given in the file).", false));
			}
		}

		private Optional<UUID> account(String reference, Lookups found, long number, String column, String key,
				List<Problem> problems) {
			UUID byId = found.accountsByExternalId().get(reference.trim());
			if (byId != null) {
				return Optional.of(byId);
			}
			UUID created = this.newAccounts.get(reference.trim().toLowerCase(Locale.ROOT));
			if (created != null) {
				return Optional.of(created);
			}
			List<UUID> byName = found.accountsByName().getOrDefault(CustomerLookups.key(reference), List.of());
			if (byName.isEmpty()) {
				byName = found.accountsByDomain().getOrDefault(domainOf(reference), List.of());
			}
			if (byName.size() > 1) {
				problems.add(new Problem(number, column, key, reference, byName.size() + " accounts are called '"
						+ reference + "'; name it by the old system's id, or merge them first.", true));
				return Optional.empty();
			}
			return byName.stream().findFirst();
		}

		/**
		 * Whether a missing account's name is compared with the accounts there are, for a
		 * "did you mean" (the preview's; on by default).
		 */
		public void suggestNearMisses(boolean suggest) {
			this.suggest = suggest;
		}

		private String nearAccount(String reference) {
			if (!this.suggest) {
				return "";
			}
			// asked once per name: a file names a missing account on many rows
			return this.nearAccounts.computeIfAbsent(reference.trim().toLowerCase(Locale.ROOT), this::searchNear);
		}

		private String searchNear(String reference) {
			return RowPlanner.this.accounts.search(this.viewer, reference, 3)
				.stream()
				.filter(a -> SIMILARITY.apply(a.name().toLowerCase(Locale.ROOT),
						reference.trim().toLowerCase(Locale.ROOT)) >= SUGGEST_FROM)
				.findFirst()
				.map(a -> " (did you mean '" + a.name() + "'?)")
				.orElse("");
		}

		private String columnOf(String field) {
			return this.settings.columns()
				.entrySet()
				.stream()
				.filter(e -> field.equals(e.getValue()))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
		}

		/**
		 * @return the key by which a later row of the file finds the record this row
		 * creates, or {@code null}
		 */
		public String matchKey(Map<String, Object> values) {
			if (this.settings.match() == MatchRule.NONE) {
				return null;
			}
			if (values.get("externalId") instanceof String id) {
				return "id:" + id;
			}
			if (this.settings.match() == MatchRule.EXTERNAL_ID) {
				return null;
			}
			return switch (this.target) {
				case ACCOUNT -> values.get("name") instanceof String name ? "name:" + CustomerLookups.key(name) : null;
				case CONTACT ->
					values.get("email") instanceof String email ? "email:" + CustomerLookups.key(email) : null;
				case OPPORTUNITY, ACTIVITY, LINE_ITEM -> null;
				case USER -> values.get("email") instanceof String email
						? "email:" + email.trim().toLowerCase(Locale.ROOT) : null;
				case PRODUCT ->
					values.get("code") instanceof String code ? "code:" + code.trim().toLowerCase(Locale.ROOT) : null;
				case QUOTA -> values.get("owner") instanceof UUID owner && values.get("period") instanceof String period
						? "quota:" + owner + "|" + period + "|" + quotaKind(values) : null;
			};
		}

		/**
		 * A line item's product: by the import's own mapping, one remembered, the old
		 * system's id, the code or the name; one not found is a question in the preview
		 * (with the closest product), and the row is refused until it is answered.
		 */
		private void resolveProduct(long number, String reference, Lookups found, Map<String, Object> values,
				List<Problem> problems) {
			ImportField field = ImportFields.find(this.target, "product").orElseThrow();
			values.remove("product");
			Optional<String> chosen = choose(field, reference);
			UUID id = chosen.filter(c -> !c.isEmpty()).map(UUID::fromString).orElse(null);
			if (id == null) {
				id = found.productsByExternalId().get(reference.trim());
			}
			Product product = id == null ? null : this.catalogue.get(id.toString());
			if (product != null && !product.active()) {
				problems.add(new Problem(number, columnOf("product"), "product", reference,
						product.name() + " is no longer sold; make it active in the catalogue first.", true));
				return;
			}
			if (id != null) {
				values.put("product", id);
				return;
			}
			unmatched(field, reference);
			String near = nearProduct(reference).map(c -> " (did you mean " + c.label() + "?)").orElse("");
			problems.add(new Problem(number, columnOf("product"), "product", reference,
					"No product '" + reference + "' is in the catalogue" + near + "; map it to one in the preview.",
					true));
		}

		/**
		 * @return the existing user a users file's row is about: by e-mail, else by
		 * username
		 */
		private Optional<User> person(Map<String, Object> values) {
			User byEmail = values.get("email") instanceof String email
					? this.everyone.get(email.trim().toLowerCase(Locale.ROOT)) : null;
			if (byEmail != null) {
				return Optional.of(byEmail);
			}
			return values.get("username") instanceof String username
					? Optional.ofNullable(this.everyone.get(username.trim().toLowerCase(Locale.ROOT)))
					: Optional.empty();
		}

		/**
		 * A new user's profile, checked as the users page checks it (a manager the file
		 * brings in is checked once created).
		 */
		private void checkNewUser(long number, Map<String, Object> values, List<Problem> problems) {
			UUID manager = values.get("manager") instanceof UUID id ? id : null;
			dev.bellwether.identity.UserProfile profile = Binders.user(null, values, manager);
			RowPlanner.this.users.problems(null, profile).forEach((field, message) -> {
				String key = Binders.fieldOf(field);
				String column = columnOf(key);
				if (column == null && ("username".equals(key) || "fullName".equals(key))) {
					// made from other columns: say which
					message = "username".equals(key) ? message + " (made from the e-mail address)"
							: "A new user needs a full name, or a first and a last name.";
				}
				addOnce(problems, new Problem(number, column, key, cellOf(values, key), message, true));
			});
		}

		/**
		 * Reads the row's period as the fiscal calendar does (its code, e.g.
		 * {@code 2026-Q3}), refusing one it can't read or too far from today.
		 */
		private void readPeriod(long number, Map<String, Object> values, List<Problem> problems) {
			if (values.get("period") instanceof String period) {
				Quotas.PeriodCheck checked = RowPlanner.this.quotas.checkPeriod(period);
				if (checked.refusal() == null) {
					values.put("period", checked.code());
				}
				else {
					values.remove("period");
					problems.add(new Problem(number, columnOf("period"), "period", period, checked.refusal(), true));
				}
			}
		}

		private boolean quotaSet(Map<String, Object> values) {
			return values.get("owner") instanceof UUID owner && values.get("period") instanceof String period
					&& RowPlanner.this.quotas.current(owner, period, quotaKind(values)).isPresent();
		}

	}

	/** The kind of quota a row sets: personal unless it says team. */
	public static QuotaKind quotaKind(Map<String, Object> values) {
		return values.get("kind") instanceof String kind ? QuotaKind.valueOf(kind) : QuotaKind.PERSONAL;
	}

	/**
	 * @return the custom field values of a row, by the field's key (without {@code cf.}),
	 * as the file writes them
	 */
	public static Map<String, Object> custom(Map<String, Object> values) {
		Map<String, Object> custom = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (key.startsWith(ImportFields.CUSTOM)) {
				custom.put(key.substring(ImportFields.CUSTOM.length()), value);
			}
		});
		return custom;
	}

	private static String cellOf(Map<String, Object> values, String key) {
		Object value = values.get(key);
		return value == null ? null : value.toString();
	}

	private static Map<String, String> lower(Map<String, String> mapped) {
		if (mapped == null) {
			return Map.of();
		}
		Map<String, String> lower = new HashMap<>();
		mapped.forEach((k, v) -> lower.put(k.trim().toLowerCase(Locale.ROOT), v == null ? "" : v));
		return lower;
	}

	static String domainOf(String website) {
		if (website == null || website.isBlank() || !website.contains(".")) {
			return null;
		}
		return new AccountDetails(null, website, null, null, null, null, null, null, null, null, null, null, null, null)
			.domain();
	}

	/**
	 * @return the choice most like the value, if one is close enough
	 */
	static Optional<Choice> suggest(String value, List<Choice> choices) {
		String wanted = value.trim().toLowerCase(Locale.ROOT);
		Choice best = null;
		double score = 0;
		for (Choice choice : choices) {
			double similarity = SIMILARITY.apply(wanted, choice.label().toLowerCase(Locale.ROOT));
			if (similarity > score) {
				score = similarity;
				best = choice;
			}
		}
		return score >= SUGGEST_FROM ? Optional.ofNullable(best) : Optional.empty();
	}

	/** Today, by the application's clock. */
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
