package dev.bellwether.identity.internal;

import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.SignedInUser;

import org.springframework.stereotype.Component;

/**
 * The signed-in user as the platform's own pages and API see it.
 */
@Component
class ViewerAsSignedInUser implements SignedInUser {

	@Override
	public Optional<UUID> id() {
		return Viewer.current().map(Viewer::id);
	}

}
