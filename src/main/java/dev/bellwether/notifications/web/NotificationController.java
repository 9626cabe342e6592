package dev.bellwether.notifications.web;

import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The viewer's notifications, newest first, and the bell's unread count.
 */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 25;

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(Viewer viewer, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", this.notifications.of(viewer.id(), PageRequest.of(Math.max(0, page), PAGE_SIZE)));
		model.addAttribute("unread", this.notifications.unreadCount(viewer.id()));
		model.addAttribute("mailEnabled", this.notifications.mailEnabled());
		return "notifications/list";
	}

	/** The bell's badge (empty when nothing is unread), refreshed in the background. */
	@GetMapping("/notifications/count")
	@Usage(value = UsageKind.VIEW, ignore = true)
	String count(Viewer viewer, Model model) {
		model.addAttribute("unread", this.notifications.unreadCount(viewer.id()));
		return "notifications/list :: unreadBadge";
	}

	/** Marks one read and follows its link (or back to the list). */
	@PostMapping("/notifications/{id}/read")
	String read(Viewer viewer, @PathVariable UUID id) {
		String link = this.notifications.markRead(viewer.id(), id).link();
		return "redirect:" + (isLocal(link) ? link : "/notifications");
	}

	/** Only a path of this application: never another site ("//host", "/\\host"). */
	static boolean isLocal(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
				&& !link.contains("\r") && !link.contains("\n");
	}

	@PostMapping("/notifications/read-all")
	String readAll(Viewer viewer) {
		this.notifications.markAllRead(viewer.id());
		return "redirect:/notifications";
	}

}
