package dev.bellwether.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.Wave;
import dev.bellwether.programme.WaveDetails;
import dev.bellwether.programme.WaveGates;

/**
 * The wave form as typed: levels and teams as comma-separated lists, numbers as text, so
 * that a typo comes back as a message beside its field.
 */
public class WaveForm {

	private String name = "";

	private String position = "";

	private String plannedStart = "";

	private String levels = "";

	private String teams = "";

	private List<UUID> people = new ArrayList<>();

	private String activationDays = "";

	private String activationPercent = "";

	private String adoptionPercent = "";

	private String firstValueDays = "";

	private long version;

	static WaveForm of(Wave wave) {
		WaveForm form = new WaveForm();
		form.name = wave.name();
		form.position = String.valueOf(wave.position());
		form.plannedStart = wave.plannedStart().toString();
		form.levels = wave.levels().stream().map(String::valueOf).collect(Collectors.joining(", "));
		form.teams = String.join(", ", wave.teams());
		form.people = new ArrayList<>(wave.people());
		WaveGates g = wave.gates();
		form.activationDays = g.activationDays() == null ? "" : g.activationDays().toString();
		form.activationPercent = g.activationPercent() == null ? ""
				: g.activationPercent().stripTrailingZeros().toPlainString();
		form.adoptionPercent = g.adoptionPercent() == null ? ""
				: g.adoptionPercent().stripTrailingZeros().toPlainString();
		form.firstValueDays = g.firstValueDays() == null ? "" : g.firstValueDays().toString();
		form.version = wave.version();
		return form;
	}

	/**
	 * @throws InvalidInputException for text that is not a number or a day
	 */
	WaveDetails details() {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer order = integer("position", this.position, errors);
		LocalDate start = null;
		if (!blank(this.plannedStart)) {
			try {
				start = LocalDate.parse(this.plannedStart.strip());
			}
			catch (RuntimeException ex) {
				errors.put("plannedStart", "Give a day like 2026-07-14.");
			}
		}
		List<Integer> levelList = new ArrayList<>();
		for (String level : split(this.levels)) {
			try {
				levelList.add(Integer.valueOf(level));
			}
			catch (NumberFormatException ex) {
				errors.put("levels", "Org levels are numbers, e.g. 0, 1.");
			}
		}
		WaveGates gates = new WaveGates(integer("activationDays", this.activationDays, errors),
				decimal("activationPercent", this.activationPercent, errors),
				decimal("adoptionPercent", this.adoptionPercent, errors),
				integer("firstValueDays", this.firstValueDays, errors));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new WaveDetails(this.name, order, levelList, split(this.teams), this.people, start, gates);
	}

	private static List<String> split(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static Integer integer(String field, String text, Map<String, String> errors) {
		if (blank(text)) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "Give a whole number.");
			return null;
		}
	}

	private static BigDecimal decimal(String field, String text, Map<String, String> errors) {
		if (blank(text)) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace("%", ""));
		}
		catch (NumberFormatException ex) {
			errors.put(field, "Give a number of per cent, e.g. 80.");
			return null;
		}
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPosition() {
		return this.position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public String getPlannedStart() {
		return this.plannedStart;
	}

	public void setPlannedStart(String plannedStart) {
		this.plannedStart = plannedStart;
	}

	public String getLevels() {
		return this.levels;
	}

	public void setLevels(String levels) {
		this.levels = levels;
	}

	public String getTeams() {
		return this.teams;
	}

	public void setTeams(String teams) {
		this.teams = teams;
	}

	public List<UUID> getPeople() {
		return this.people;
	}

	public void setPeople(List<UUID> people) {
		this.people = people == null ? new ArrayList<>() : people;
	}

	public String getActivationDays() {
		return this.activationDays;
	}

	public void setActivationDays(String activationDays) {
		this.activationDays = activationDays;
	}

	public String getActivationPercent() {
		return this.activationPercent;
	}

	public void setActivationPercent(String activationPercent) {
		this.activationPercent = activationPercent;
	}

	public String getAdoptionPercent() {
		return this.adoptionPercent;
	}

	public void setAdoptionPercent(String adoptionPercent) {
		this.adoptionPercent = adoptionPercent;
	}

	public String getFirstValueDays() {
		return this.firstValueDays;
	}

	public void setFirstValueDays(String firstValueDays) {
		this.firstValueDays = firstValueDays;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
