package dev.bellwether.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.platform.db.BootstrapLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On first start (no users at all), creates the {@code admin} user with the configured
 * initial password, or with a random one that is printed once — the only secret
 * Bellwether ever logs. One node at a time: of several started at once on an empty
 * database, one creates it and the others find it.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	/**
	 * The built-in administrator sets Bellwether up; it is nobody's CRM use, so adoption
	 * figures leave it out (an administrator can count it again on the user form).
	 */
	static final String BUILT_IN_NOT_COUNTED = "The built-in administrator account";

	private final UserDirectory users;

	private final BootstrapLock bootstrap;

	private final String initialPassword;

	InitialAdmin(UserDirectory users, BootstrapLock bootstrap,
			@Value("${bellwether.admin.initial-password:}") String initialPassword) {
		this.users = users;
		this.bootstrap = bootstrap;
		this.initialPassword = initialPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.bootstrap.runAlone("initial-admin", this::createIfNoUsers);
	}

	private void createIfNoUsers() {
		if (this.users.count() > 0) {
			return;
		}
		boolean generated = !StringUtils.hasText(this.initialPassword);
		String password = generated ? randomPassword() : this.initialPassword;
		this.users.create(new UserProfile("admin", "Administrator", "admin@bellwether.local", "System administrator",
				Role.ADMIN, null, null, null, null, false, BUILT_IN_NOT_COUNTED), password, null);
		if (generated) {
			log.warn("""

					    Created the administrator: username 'admin', password '{}'
					    This is shown once; sign in and change it, or set bellwether.admin.initial-password.
					""", password);
		}
		else {
			log.info("Created the administrator 'admin' with the password from bellwether.admin.initial-password");
		}
	}

	private static String randomPassword() {
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
