package dev.bellwether;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of DESIGN.md, checked in every build: no cycles, and no module
 * reaching into another's internals.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(BellwetherApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
