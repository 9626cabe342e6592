package dev.bellwether.platform.usage;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of use one module's pages, API and records produce, as a bean of that module:
 * usage capture counts them as features {@code module:KIND}, and the adoption module
 * offers and counts only declared ones (key features, and the figures that rest on a kind
 * no module produces yet say so). A module declares what its handlers count as (a page is
 * a {@link UsageKind#VIEW}, an API read an {@link UsageKind#API_CALL}, or what their
 * {@link Usage} says) and the changes of the record types it owns ({@code CREATE},
 * {@code UPDATE}, {@code DELETE}); a test checks the declarations against the handlers.
 *
 * @param module the module's name, the top-level package under {@code dev.bellwether}
 * @param kinds what it produces
 */
public record UsageKinds(String module, Set<UsageKind> kinds) {

	public UsageKinds {
		kinds = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(UsageKind.class) : EnumSet.copyOf(kinds));
	}

	public static UsageKinds of(String module, UsageKind... kinds) {
		return new UsageKinds(module, Set.of(kinds));
	}

	/**
	 * @return the features ({@code module:KIND}) of the kinds that are features (every
	 * kind but sign-ins and sign-outs), in the kinds' order
	 */
	public List<String> features() {
		return this.kinds.stream()
			.filter(kind -> kind != UsageKind.LOGIN && kind != UsageKind.LOGOUT)
			.map(kind -> this.module + ":" + kind.name())
			.toList();
	}

	public boolean declares(UsageKind kind) {
		return this.kinds.contains(kind);
	}

	@Override
	public String toString() {
		return this.module + " " + Arrays.toString(this.kinds.toArray());
	}

}
