package dev.bellwether;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * Creates users for tests (an object mother): unique usernames, so tests sharing one
 * database never collide. Every test user's password is {@link #PASSWORD}.
 */
@Component
public class TestUsers {

	public static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final ObjectProvider<UserDirectory> users;

	private UserDirectory.EncodedPassword password;

	/**
	 * Resolved lazily: module tests that leave out the identity module still load this
	 * class.
	 */
	public TestUsers(ObjectProvider<UserDirectory> users) {
		this.users = users;
	}

	public User create(Role role) {
		return create(role, null);
	}

	public User create(Role role, UUID managerId) {
		String username = role.name().toLowerCase().replace('_', '-') + "-" + SEQUENCE.incrementAndGet() + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		return this.users.getObject()
			.create(new UserProfile(username, "Test " + username, username + "@test.example", "Tester", role, managerId,
					"Team", "Region", null), PASSWORD, null);
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

	/**
	 * Signs in through the sign-in form, as a browser does.
	 * @return what later page requests need to be that user's: the session and its cookie
	 * (the session lives in the database, found by cookie)
	 */
	public static RequestPostProcessor signIn(MockMvc mvc, User user) throws Exception {
		return signIn(mvc, user.username(), PASSWORD);
	}

	public static RequestPostProcessor signIn(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(authenticated())
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		Cookie[] cookies = result.getResponse().getCookies();
		return request -> {
			if (session != null) {
				request.setSession(session);
			}
			if (cookies.length > 0) {
				request.setCookies(cookies);
			}
			return request;
		};
	}

}
