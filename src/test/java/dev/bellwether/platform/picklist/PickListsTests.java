package dev.bellwether.platform.picklist;

import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickListChange.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pick lists: adding, renaming, retiring and reordering values, and turning input into
 * what a record stores. Each test adds values of its own (the database is shared).
 */
@IntegrationTest
class PickListsTests {

	@Autowired
	PickLists pickLists;

	@Autowired
	TestUsers users;

	private UUID admin;

	private String tag;

	@BeforeEach
	void setUp() {
		User user = this.users.create(Role.SALES_ADMIN);
		this.admin = user.id();
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void seedsTheValuesThatWereHardCoded() {
		assertThat(this.pickLists.get("industry").allowed()).contains("Technology", "Food & Beverage", "Other");
		assertThat(this.pickLists.find("industry", "Food & Beverage")).get()
			.extracting(PickListValue::key)
			.isEqualTo("food-beverage");
		assertThat(this.pickLists.get("country").allowed()).contains("DE", "US");
		assertThat(this.pickLists.label("country", "DE")).isEqualTo("Germany");
		assertThat(this.pickLists.get("loss-reason").allowed()).contains("No budget this year");
		assertThat(this.pickLists.get("call-type").allowed()).isNotEmpty();
	}

	@Test
	void addsAValueAtTheEndWithAKeyOfItsOwn() {
		PickListValue added = this.pickLists.add(this.admin, "industry", "  Space  Mining " + this.tag + " ");

		assertThat(added.label()).isEqualTo("Space Mining " + this.tag);
		assertThat(added.key()).isEqualTo("space-mining-" + this.tag);
		List<PickListValue> values = this.pickLists.get("industry").values();
		assertThat(values.get(values.size() - 1).key()).isEqualTo(added.key());
		assertThat(this.pickLists.changes("industry", 5)).first()
			.satisfies(change -> assertThat(change.kind()).isEqualTo(Kind.ADDED))
			.satisfies(change -> assertThat(change.by()).isEqualTo(this.admin));
	}

	@Test
	void refusesADuplicateLabelInAnyCase() {
		this.pickLists.add(this.admin, "industry", "Robotics " + this.tag);

		assertThatThrownBy(() -> this.pickLists.add(this.admin, "industry", "ROBOTICS " + this.tag))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("label"))
			.hasMessageContaining("already has the value 'Robotics " + this.tag + "'");
		assertThatThrownBy(() -> this.pickLists.add(this.admin, "industry", "Technology"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void matchesLabelsAndKeysCaseInsensitivelyAndTrimmed() {
		assertThat(this.pickLists.resolve("industry", "industry", "  technology ", null)).isEqualTo("Technology");
		assertThat(this.pickLists.resolve("industry", "industry", "FOOD-BEVERAGE", null)).isEqualTo("Food & Beverage");
		assertThat(this.pickLists.resolve("country", "country", "de", null)).isEqualTo("DE");
		assertThat(this.pickLists.resolve("country", "country", "germany", null)).isEqualTo("DE");
		assertThat(this.pickLists.resolve("industry", "industry", "  ", null)).isNull();
	}

	@Test
	void refusesAnUnknownValueNamingTheAllowedOnes() {
		assertThatThrownBy(() -> this.pickLists.resolve("industry", "industry", "Technolgy", null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("industry"))
			.hasMessageContaining("'Technolgy' is not on the industry list")
			.hasMessageContaining("Agriculture, Apparel");
	}

	@Test
	void aRenameKeepsTheKeyAndStillAcceptsTheOldLabel() {
		PickListValue added = this.pickLists.add(this.admin, "industry", "Drones " + this.tag);

		PickListValue renamed = this.pickLists.rename(this.admin, "industry", added.key(),
				"Aerial Robotics " + this.tag);

		assertThat(renamed.key()).isEqualTo(added.key());
		assertThat(this.pickLists.resolve("industry", "industry", "drones " + this.tag, null))
			.isEqualTo("Aerial Robotics " + this.tag);
		assertThat(this.pickLists.changes("industry", 5)).first().satisfies(change -> {
			assertThat(change.kind()).isEqualTo(Kind.RENAMED);
			assertThat(change.oldLabel()).isEqualTo("Drones " + this.tag);
			assertThat(change.newLabel()).isEqualTo("Aerial Robotics " + this.tag);
		});
	}

	@Test
	void aRetiredValueIsRefusedForNewRecordsButKeptOnARecordThatHasIt() {
		PickListValue added = this.pickLists.add(this.admin, "industry", "Whaling " + this.tag);
		this.pickLists.setRetired(this.admin, "industry", added.key(), true);

		assertThat(this.pickLists.get("industry").allowed()).doesNotContain(added.label());
		assertThatThrownBy(() -> this.pickLists.resolve("industry", "industry", added.label(), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("is retired");
		assertThatThrownBy(() -> this.pickLists.resolve("industry", "industry", added.label(), "Technology"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.pickLists.resolve("industry", "industry", "WHALING " + this.tag, added.label()))
			.isEqualTo(added.label());
		assertThat(this.pickLists.choices("industry", added.label())).containsEntry(added.label(),
				added.label() + " (retired)");
		assertThat(this.pickLists.choices("industry", null)).doesNotContainKey(added.label());

		this.pickLists.setRetired(this.admin, "industry", added.key(), false);
		assertThat(this.pickLists.resolve("industry", "industry", added.label(), null)).isEqualTo(added.label());
	}

	@Test
	void aValueNoLongerOnTheListIsKeptWhileTheRecordLeavesItAlone() {
		assertThat(this.pickLists.resolve("loss-reason", "lossReason", "went with a rival", "Went with a rival"))
			.isEqualTo("Went with a rival");
		assertThatThrownBy(() -> this.pickLists.resolve("loss-reason", "lossReason", "Went with a rival", null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void movesAValueUpAndDown() {
		PickListValue first = this.pickLists.add(this.admin, "lead-source", "First " + this.tag);
		PickListValue second = this.pickLists.add(this.admin, "lead-source", "Second " + this.tag);

		this.pickLists.move(this.admin, "lead-source", second.key(), -1);

		List<String> keys = this.pickLists.get("lead-source").values().stream().map(PickListValue::key).toList();
		assertThat(keys.indexOf(second.key())).isEqualTo(keys.indexOf(first.key()) - 1);

		this.pickLists.move(this.admin, "lead-source", second.key(), 1);
		keys = this.pickLists.get("lead-source").values().stream().map(PickListValue::key).toList();
		assertThat(keys.indexOf(second.key())).isEqualTo(keys.indexOf(first.key()) + 1);
	}

}
