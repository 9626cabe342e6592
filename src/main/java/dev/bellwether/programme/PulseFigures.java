package dev.bellwether.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.bellwether.programme.PulseSurveys.AnswerRow;
import dev.bellwether.programme.PulseSurveys.Group;
import dev.bellwether.programme.PulseSurveys.Stage;
import dev.bellwether.programme.PulseSurveys.Survey;

/**
 * The figures of a group of survey answers (docs/programme.md, "Pulse surveys"): barrier
 * shares per ADKAR stage, NPS, poll counts — or nothing at all for a group smaller than
 * the privacy minimum.
 */
final class PulseFigures {

	private PulseFigures() {
	}

	/**
	 * Groups the answers by a key (a team, a wave), each group's figures hidden under the
	 * privacy minimum: the one grouping every breakdown of the results shares.
	 */
	static <K> List<Group> groups(Survey survey, List<AnswerRow> answers, Function<AnswerRow, K> key,
			Comparator<K> order, Function<K, String> name, int minimum) {
		Map<K, List<AnswerRow>> grouped = new TreeMap<>(order);
		answers.forEach(a -> grouped.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
		return grouped.entrySet()
			.stream()
			.map(e -> group(name.apply(e.getKey()), survey, e.getValue(), minimum))
			.toList();
	}

	static Group group(String name, Survey survey, List<AnswerRow> answers, int minimum) {
		int n = answers.size();
		if (n < minimum) {
			return new Group(name, true, null, Map.of(), null, null, null, null, List.of());
		}
		return switch (survey.kind()) {
			case ADKAR -> adkar(name, answers);
			case NPS -> nps(name, answers);
			case POLL -> poll(name, survey, answers);
		};
	}

	private static Group adkar(String name, List<AnswerRow> answers) {
		Map<Stage, Double> shares = new EnumMap<>(Stage.class);
		Stage top = null;
		for (Stage stage : Stage.values()) {
			long barriers = answers.stream()
				.filter(a -> a.scores().get(stage.ordinal()) <= PulseSurveys.BARRIER_AT_MOST)
				.count();
			double share = (double) barriers / answers.size();
			shares.put(stage, share);
			if (share > 0 && (top == null || share > shares.get(top))) {
				top = stage;
			}
		}
		return new Group(name, false, answers.size(), shares, top, null, null, null, List.of());
	}

	private static Group nps(String name, List<AnswerRow> answers) {
		long promoters = answers.stream().filter(a -> a.scores().get(0) >= 9).count();
		long detractors = answers.stream().filter(a -> a.scores().get(0) <= 6).count();
		double p = (double) promoters / answers.size();
		double d = (double) detractors / answers.size();
		return new Group(name, false, answers.size(), Map.of(), null, p, d, 100 * p - 100 * d, List.of());
	}

	private static Group poll(String name, Survey survey, List<AnswerRow> answers) {
		List<Long> counts = new ArrayList<>();
		for (int i = 0; i < survey.options().size(); i++) {
			int option = i;
			counts.add(answers.stream().filter(a -> a.option() != null && a.option() == option).count());
		}
		return new Group(name, false, answers.size(), Map.of(), null, null, null, null, counts);
	}

}
