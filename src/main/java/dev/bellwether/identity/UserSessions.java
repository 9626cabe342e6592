package dev.bellwether.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a user's signed-in sessions on every node (they live in the database), so that a
 * deactivation, a change of role or a new password takes effect at once.
 */
@Component
class UserSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	UserSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	void endAllOf(String username) {
		endAllOfExcept(username, null);
	}

	/**
	 * @param keptSessionId the session to keep (the one the user is changing their
	 * password in), or {@code null}
	 */
	void endAllOfExcept(String username, String keptSessionId) {
		this.sessions.ifAvailable(repository -> repository.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keptSessionId))
			.forEach(repository::deleteById));
	}

}
