package dev.bellwether.service;

import java.util.Map;

/**
 * A survey answer that cannot be recorded as given, by field; nothing was written.
 */
public class SurveyAnswerException extends RuntimeException {

	private final Map<String, String> problems;

	public SurveyAnswerException(Map<String, String> problems) {
		super("The answer is not valid: " + problems.keySet());
		this.problems = Map.copyOf(problems);
	}

	public Map<String, String> problems() {
		return this.problems;
	}

}
