package dev.bellwether.adoption.internal.metrics;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.stereotype.Component;

/**
 * The kinds of use the modules of this build declare ({@link UsageKinds} beans): the only
 * features key features are chosen among, and what tells whether a figure that rests on a
 * kind is measured at all.
 */
@Component
public class DeclaredUsage {

	/**
	 * The adoption module's own reports and exports are about the use of Bellwether, not
	 * the CRM's data: they do not make "reporting from the system" or "export leakage"
	 * measured.
	 */
	private static final String ADOPTION = "adoption";

	private final List<UsageKinds> declarations;

	private final Set<String> features;

	DeclaredUsage(List<UsageKinds> declarations) {
		this.declarations = List.copyOf(declarations);
		Set<String> all = new TreeSet<>();
		declarations.forEach(declaration -> all.addAll(declaration.features()));
		this.features = java.util.Collections.unmodifiableSet(all);
	}

	/**
	 * @return every declared feature, {@code module:KIND}, sorted
	 */
	public Set<String> features() {
		return this.features;
	}

	public boolean declares(String feature) {
		return this.features.contains(feature);
	}

	public List<UsageKinds> declarations() {
		return this.declarations;
	}

	/**
	 * @return whether this build captures views of the CRM's reports or forecasts:
	 * "reporting from the system" rests on them
	 */
	public boolean capturesReporting() {
		return capturedOutsideAdoption(UsageKind.REPORT_VIEW) || capturedOutsideAdoption(UsageKind.FORECAST_VIEW);
	}

	/**
	 * @return whether this build captures exports of the CRM's records: "export leakage"
	 * rests on them (and on report views)
	 */
	public boolean capturesExports() {
		return capturedOutsideAdoption(UsageKind.EXPORT) && capturesReporting();
	}

	private boolean capturedOutsideAdoption(UsageKind kind) {
		return this.declarations.stream()
			.anyMatch(declaration -> !ADOPTION.equals(declaration.module()) && declaration.declares(kind));
	}

}
