package dev.bellwether;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Creates users for tests (an object mother): unique usernames, so tests sharing one
 * database never collide. Every test user's password is {@link #PASSWORD}.
 */
@Component
public class TestUsers {

	public static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final UserDirectory users;

	private UserDirectory.EncodedPassword password;

	public TestUsers(UserDirectory users) {
		this.users = users;
	}

	public User create(Role role) {
		return create(role, null);
	}

	public User create(Role role, UUID managerId) {
		String username = role.name().toLowerCase().replace('_', '-') + "-" + SEQUENCE.incrementAndGet() + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		return this.users.create(new UserProfile(username, "Test " + username, username + "@test.example", "Tester",
				role, managerId, "Team", "Region", null), PASSWORD, null);
	}

	public static Viewer viewer(User user) {
		return new Viewer(user.id(), user.username(), user.fullName(), user.role());
	}

	/**
	 * @return HTTP Basic credentials for the user, for MockMvc
	 */
	public static RequestPostProcessor basic(User user) {
		return httpBasic(user.username(), PASSWORD);
	}

}
