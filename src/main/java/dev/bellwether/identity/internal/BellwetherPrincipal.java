package dev.bellwether.identity.internal;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it (also in the database-backed session,
 * hence serializable and small). The password hash is erased once sign-in succeeds.
 */
public final class BellwetherPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final String username;

	private final String fullName;

	private final Role role;

	private final boolean active;

	private final Instant lockedUntil;

	private String passwordHash;

	BellwetherPrincipal(UUID id, String username, String fullName, Role role, boolean active, Instant lockedUntil,
			String passwordHash) {
		this.id = id;
		this.username = username;
		this.fullName = fullName;
		this.role = role;
		this.active = active;
		this.lockedUntil = lockedUntil;
		this.passwordHash = passwordHash;
	}

	public Viewer toViewer() {
		return new Viewer(this.id, this.username, this.fullName, this.role);
	}

	public UUID id() {
		return this.id;
	}

	public Role role() {
		return this.role;
	}

	Instant lockedUntil() {
		return this.lockedUntil;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	/**
	 * Locked when loaded with a lockout still running by the application's clock (the
	 * loader keeps no lockout that has run out).
	 */
	@Override
	public boolean isAccountNonLocked() {
		return this.lockedUntil == null;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BellwetherPrincipal principal && principal.id.equals(this.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "BellwetherPrincipal[" + this.username + ", " + this.role + "]";
	}

}
