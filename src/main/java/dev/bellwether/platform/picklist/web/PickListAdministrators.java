package dev.bellwether.platform.picklist.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.web.SignedInUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may change pick lists: administrators and sales administrators (the security
 * configuration guards the page's URLs too; the API's reads are open to everyone signed
 * in, its changes checked here).
 */
@Component
class PickListAdministrators {

	private final ObjectProvider<SignedInUser> user;

	PickListAdministrators(ObjectProvider<SignedInUser> user) {
		this.user = user;
	}

	/**
	 * @return the administrator's id
	 * @throws ForbiddenException for anyone else
	 */
	UUID require(HttpServletRequest request) {
		if (!request.isUserInRole("ADMIN") && !request.isUserInRole("SALES_ADMIN")) {
			throw new ForbiddenException("Only administrators and sales administrators change pick lists.");
		}
		return this.user.getObject().id().orElseThrow(() -> new ForbiddenException("Sign in first."));
	}

}
