package dev.bellwether.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a user's signed-in sessions on every node (they live in the database), so that a
 * deactivation or a change of role takes effect at once.
 */
@Component
class UserSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	UserSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	void endAllOf(String username) {
		this.sessions.ifAvailable(
				repository -> repository.findByPrincipalName(username).keySet().forEach(repository::deleteById));
	}

}
