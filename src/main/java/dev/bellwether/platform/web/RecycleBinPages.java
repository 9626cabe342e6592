package dev.bellwether.platform.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.bellwether.platform.InvalidInputException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the recycle bin's pages do alike for every record type (the rows' shared columns
 * are {@code fragments/recycle-bin.html}): pages of 20, most recently deleted first, the
 * records the viewer may restore, and the flash message after a restore or a purge.
 */
public final class RecycleBinPages {

	public static final int PAGE_SIZE = 20;

	private RecycleBinPages() {
	}

	/** The page asked for (0 for a negative number). */
	public static Pageable page(int number) {
		return PageRequest.of(Math.max(number, 0), PAGE_SIZE);
	}

	/**
	 * @param deletedBy who deleted each record on the pages
	 * @return their ids, for their names
	 */
	@SafeVarargs
	public static Set<UUID> deletedBy(Page<UUID>... deletedBy) {
		Set<UUID> people = new HashSet<>();
		for (Page<UUID> page : deletedBy) {
			page.forEach(people::add);
		}
		people.remove(null);
		return people;
	}

	/** The ids of the records on the page that the viewer may restore. */
	public static <T> Set<UUID> restorable(Page<T> page, Predicate<T> mayRestore, Function<T, UUID> id) {
		return page.stream().filter(mayRestore).map(id).collect(Collectors.toSet());
	}

	/**
	 * Restores a record and goes back to the recycle bin, saying what came back, or why
	 * it could not (a rule of the record type's, such as a contact's account still in the
	 * bin).
	 * @param restore restores the record and says what came back
	 */
	public static String restore(RedirectAttributes redirect, String back, Supplier<String> restore) {
		try {
			redirect.addFlashAttribute("flashSuccess", restore.get());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + back;
	}

	/**
	 * Deletes a record for good and goes back to the recycle bin, saying so.
	 */
	public static String purge(RedirectAttributes redirect, String back, Runnable purge, String purged) {
		purge.run();
		redirect.addFlashAttribute("flashSuccess", purged);
		return "redirect:" + back;
	}

}
