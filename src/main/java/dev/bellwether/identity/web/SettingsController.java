package dev.bellwether.identity.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.identity.internal.ApiTokens;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's own settings: their password and their personal access tokens for the API.
 */
@Controller
class SettingsController {

	private final UserDirectory users;

	private final ApiTokens tokens;

	private final Clock clock;

	SettingsController(UserDirectory users, ApiTokens tokens, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/settings/password")
	String password(Model model) {
		model.addAttribute("form", new PasswordFormData());
		model.addAttribute("minPasswordLength", UserDirectory.MIN_PASSWORD_LENGTH);
		return "identity/password";
	}

	@PostMapping("/settings/password")
	String changePassword(Viewer viewer, @ModelAttribute("form") PasswordFormData form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpSession session) {
		// the confirmation exists only in the form, so it is checked here; the password
		// rules themselves are the directory's
		if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmPassword())) {
			result.rejectValue("confirmPassword", "mismatch", "The two new passwords don't match.");
		}
		if (!result.hasErrors()) {
			try {
				this.users.changeOwnPassword(viewer.id(), form.getCurrentPassword(), form.getNewPassword(),
						session.getId());
				redirect.addFlashAttribute("flashSuccess",
						"Your password is changed; your other sessions are signed out.");
				return "redirect:/settings/password";
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
		}
		form.clear();
		model.addAttribute("minPasswordLength", UserDirectory.MIN_PASSWORD_LENGTH);
		return "identity/password";
	}

	@GetMapping("/settings/tokens")
	String tokens(Viewer viewer, Model model) {
		model.addAttribute("form", new TokenFormData());
		addTokens(viewer, model);
		return "identity/tokens";
	}

	/**
	 * Shows the new token's secret in the response to the form itself, not after a
	 * redirect: a flash attribute would put the secret into the session, which is stored
	 * in the database. The page is not cached (Spring Security's default headers).
	 */
	@PostMapping("/settings/tokens")
	String createToken(Viewer viewer, @ModelAttribute("form") TokenFormData form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				ApiTokens.CreatedToken created = this.tokens.create(viewer.id(), form.getName(),
						form.getValidForDays());
				model.addAttribute("created", created);
				return "identity/token-created";
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
		}
		addTokens(viewer, model);
		return "identity/tokens";
	}

	@PostMapping("/settings/tokens/{id}/revoke")
	String revokeToken(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		this.tokens.revoke(viewer.id(), id);
		redirect.addFlashAttribute("flashSuccess", "The token is revoked; programs using it are now refused.");
		return "redirect:/settings/tokens";
	}

	private void addTokens(Viewer viewer, Model model) {
		model.addAttribute("tokens", this.tokens.listOf(viewer.id()));
		model.addAttribute("now", this.clock.instant());
	}

}
