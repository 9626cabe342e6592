package dev.bellwether.notifications.web;

import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.notifications.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's own notifications (adoption alerts, digests).")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first")
	PagedModel<Notification> list(Viewer viewer, @PageableDefault(size = 25) Pageable pageable) {
		return new PagedModel<>(this.notifications.of(viewer.id(), pageable));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread")
	long unread(Viewer viewer) {
		return this.notifications.unreadCount(viewer.id());
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one read", description = "404 for an unknown id or another person's notification.")
	Notification read(Viewer viewer, @PathVariable UUID id) {
		return this.notifications.markRead(viewer.id(), id);
	}

}
