package dev.bellwether.platform.usage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells usage capture what a web or API handler does, where the default (a page of a
 * module is a {@link UsageKind#VIEW}, an API call an {@link UsageKind#API_CALL}) is not
 * right: a record page ({@code VIEW} of {@code recordType}, the id from the path variable
 * {@code id}), the home page ({@code DASHBOARD_VIEW}), a search, an export. Creates,
 * updates and deletes are counted from {@link dev.bellwether.platform.RecordChanged}
 * events, not from handlers.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Usage {

	UsageKind value();

	/** The record type viewed, e.g. {@code opportunity}; empty for none. */
	String recordType() default "";

	/** The path variable holding the record's id. */
	String idVariable() default "id";

	/** Not counted at all (static helpers, fragments refreshed in the background). */
	boolean ignore() default false;

}
