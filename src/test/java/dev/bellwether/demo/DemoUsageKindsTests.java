package dev.bellwether.demo;

import java.util.Arrays;
import java.util.List;

import dev.bellwether.IntegrationTest;
import dev.bellwether.platform.usage.UsageKinds;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's usage is usage this build could have captured: every action the generator
 * draws is a kind its module declares.
 */
@IntegrationTest
class DemoUsageKindsTests {

	@Autowired
	List<UsageKinds> declarations;

	@Test
	void theGeneratorEmitsOnlyDeclaredKinds() {
		assertThat(UsageDataGenerator.Action.values())
			.allSatisfy(action -> assertThat(this.declarations).as("%s (%s:%s)", action, action.module, action.kind)
				.anySatisfy(declaration -> {
					assertThat(declaration.module()).isEqualTo(action.module);
					assertThat(declaration.kinds()).contains(action.kind);
				}));
		assertThat(Arrays.asList(UsageDataGenerator.Action.FEATURES)).doesNotContain("sales:FORECAST_VIEW",
				"sales:EXPORT", "customers:EXPORT", "sales:MEETING_MODE");
	}

}
