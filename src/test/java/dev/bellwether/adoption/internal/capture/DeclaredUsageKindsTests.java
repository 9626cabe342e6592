package dev.bellwether.adoption.internal.capture;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.bellwether.IntegrationTest;
import dev.bellwether.adoption.internal.metrics.DeclaredUsage;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module declares what it captures, and no more: the features the handlers of this
 * build produce (worked out here from their mappings and {@link Usage}, as usage capture
 * does) and the changes of the record types each module owns are exactly the declared
 * ones.
 */
@IntegrationTest
class DeclaredUsageKindsTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	List<UsageKinds> declarations;

	@Autowired
	DeclaredUsage declared;

	@Test
	void everyFeatureTheHandlersProduceIsDeclaredAndNothingElse() {
		Map<String, String> produced = new TreeMap<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			String feature = featureOf(info, handler);
			if (feature != null) {
				produced.putIfAbsent(feature, handler.toString());
			}
		});
		// features a module reports itself (FeatureUsed), which no handler shows
		produced.put("listviews:VIEW", "ListViews#open publishes FeatureUsed");
		produced.put("forecasting:MEETING_MODE", "PipelineReviews#start publishes FeatureUsed");
		Set<String> changes = new TreeSet<>();
		UsageListeners.MODULE_OF_RECORD_TYPE.values()
			.forEach(module -> List.of(UsageKind.CREATE, UsageKind.UPDATE, UsageKind.DELETE)
				.forEach(kind -> changes.add(module + ":" + kind)));
		// inline edit and bulk actions (platform.edit), counted for the modules whose
		// record types implement EditableRecords; list exports (platform.export's
		// RecordsExported), for the modules whose lists implement ExportableList
		List.of("customers", "sales", "activities", "marketing")
			.forEach(module -> List.of(UsageKind.INLINE_EDIT, UsageKind.BULK_ACTION, UsageKind.EXPORT)
				.forEach(kind -> changes.add(module + ":" + kind)));
		// cases are edited inline and in bulk (service.CaseEditing) but not exported yet
		List.of(UsageKind.INLINE_EDIT, UsageKind.BULK_ACTION).forEach(kind -> changes.add("service:" + kind));

		assertThat(this.declared.features()).containsAll(produced.keySet()).containsAll(changes);
		Set<String> expected = new TreeSet<>(produced.keySet());
		expected.addAll(changes);
		assertThat(this.declared.features()).containsExactlyElementsOf(expected);
		// sign-ins are no feature: identity declares them as kinds
		assertThat(this.declarations).filteredOn(d -> d.declares(UsageKind.LOGIN))
			.extracting(UsageKinds::module)
			.containsExactly("identity");
	}

	@Test
	void thisBuildCapturesExportsOfTheCrmsListsAndForecastViews() {
		assertThat(this.declared.features()).doesNotContain("sales:FORECAST_VIEW", "sales:MEETING_MODE",
				"sales:REPORT_VIEW");
		assertThat(this.declared.features()).contains("adoption:EXPORT", "adoption:REPORT_VIEW", "sales:EXPORT",
				"customers:EXPORT", "activities:EXPORT", "forecasting:FORECAST_VIEW", "forecasting:REPORT_VIEW",
				"forecasting:MEETING_MODE");
		// the forecast grid's views make "reporting from the system" measured, and with
		// it "export leakage"
		assertThat(this.declared.capturesReporting()).isTrue();
		assertThat(this.declared.capturesExports()).isTrue();
	}

	/**
	 * What a GET to the handler is counted as, as {@code UsageInterceptor} decides; null
	 * for handlers outside the application, not counted, or not GET.
	 */
	static String featureOf(RequestMappingInfo info, HandlerMethod handler) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
			return null;
		}
		String pkg = handler.getBeanType().getPackageName();
		if (!pkg.startsWith("dev.bellwether.")) {
			return null;
		}
		String rest = pkg.substring("dev.bellwether.".length());
		String module = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
		Usage usage = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Usage.class);
		if (usage == null) {
			usage = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Usage.class);
		}
		if (usage != null) {
			return usage.ignore() ? null : module + ":" + usage.value();
		}
		boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
		if (api) {
			return module + ":" + UsageKind.API_CALL;
		}
		boolean body = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
		Class<?> returns = handler.getMethod().getReturnType();
		boolean page = !body && (returns == String.class || ModelAndView.class.isAssignableFrom(returns));
		return page ? module + ":" + UsageKind.VIEW : null;
	}

}
