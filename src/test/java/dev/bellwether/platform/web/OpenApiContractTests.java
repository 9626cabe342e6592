package dev.bellwether.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.sales.LineItemDetails;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.ProductDetails;
import dev.bellwether.sales.StageDetails;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI document is a contract a generated client can rely on: it parses without a
 * message, asks for nothing the server fills in itself, states what the services
 * validate, and is enough to create, read, update (with a stale version too) and delete
 * accounts, contacts, deals, line items and activities — every request below is built
 * from the document alone (required properties, examples, allowed values and formats),
 * every answer checked against the response the document promises.
 */
@IntegrationTest
class OpenApiContractTests {

	private static final ObjectMapper JSON = Json.mapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	PickLists pickLists;

	private User rep;

	private OpenAPI document;

	@BeforeEach
	void readTheDocument() throws Exception {
		this.rep = this.users.create(Role.REP);
		String text = this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(this.rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
		assertThat(parsed.getMessages()).as("what the parser says about /v3/api-docs").isEmpty();
		this.document = parsed.getOpenAPI();
	}

	@Test
	void noOperationAsksForTheSignedInViewer() {
		List<String> operations = new ArrayList<>();
		this.document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			operations.add(method + " " + path);
			List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
			assertThat(parameters).as(method + " " + path)
				.noneMatch(p -> "viewer".equals(p.getName()) || (p.getSchema() != null
						&& p.getSchema().get$ref() != null && p.getSchema().get$ref().endsWith("/Viewer")));
		}));
		assertThat(operations).hasSizeGreaterThan(70);
		assertThat(this.document.getComponents().getSchemas()).doesNotContainKey("Viewer");
	}

	@Test
	void requestSchemasStateWhatTheServicesValidate() {
		assertSameRules("AccountRequest", AccountDetails.class);
		assertSameRules("ContactRequest", ContactDetails.class);
		assertSameRules("OpportunityRequest", OpportunityDetails.class);
		assertSameRules("LineItemRequest", LineItemDetails.class);
		assertSameRules("ProductRequest", ProductDetails.class);
		assertSameRules("StageRequest", StageDetails.class);
		assertSameRules("ActivityRequest", ActivityDetails.class);
		assertSameRules("LeadRequest", LeadDetails.class);

		assertThat(schema("AccountRequest").getProperties().get("industry").getEnum())
			.containsExactlyElementsOf(this.pickLists.get("industry").allowed());
		assertThat(schema("AccountRequest").getProperties().get("country").getEnum()).contains("DE", "US")
			.doesNotContain("XX");
		assertThat(schema("OpportunityRequest").getRequired()).contains("name", "accountId", "stageId", "closeDate");
		assertThat(schema("OpportunityRequest").getProperties().get("closeDate").getFormat()).isEqualTo("date");
		assertThat(schema("ActivityRequest").getRequired()).contains("kind");
		assertThat(schema("ContactRequest").getProperties().get("email").getFormat()).isEqualTo("email");
		assertThat(schema("LeadRequest").getRequired()).containsExactly("lastName");
		assertThat(schema("LeadRequest").getProperties().get("source").getEnum())
			.containsExactlyElementsOf(this.pickLists.get("lead-source").allowed());
		assertThat(schema("LeadRequest").getProperties().get("disqualifyReason").getEnum())
			.containsExactlyElementsOf(this.pickLists.get("lead-disqualify-reason").allowed());
	}

	@Test
	void aClientBuiltFromTheDocumentCreatesReadsUpdatesAndDeletes() throws Exception {
		User admin = this.users.create(Role.ADMIN);

		roundTrip("/api/v1/accounts", Map.of(), "name");
		JsonNode account = call(this.rep, "POST", "/api/v1/accounts", Map.of(),
				body("/api/v1/accounts", "post", Map.of()), 201);
		Map<String, Object> atAccount = Map.of("accountId", account.get("id").asText());
		roundTrip("/api/v1/contacts", atAccount, "lastName");

		JsonNode stages = call(this.rep, "GET", "/api/v1/stages", Map.of(), null, 200);
		String openStage = null;
		for (JsonNode stage : stages) {
			if ("OPEN".equals(stage.get("outcome").asText()) && openStage == null) {
				openStage = stage.get("id").asText();
			}
		}
		assertThat(openStage).as("an open stage in GET /api/v1/stages").isNotNull();
		Map<String, Object> dealLinks = new LinkedHashMap<>(atAccount);
		dealLinks.put("stageId", openStage);
		roundTrip("/api/v1/opportunities", dealLinks, "name");

		JsonNode product = call(admin, "POST", "/api/v1/products", Map.of(), body("/api/v1/products", "post",
				Map.of("code", "CONTRACT-" + UUID.randomUUID().toString().substring(0, 8))), 201);
		JsonNode anotherDeal = call(this.rep, "POST", "/api/v1/opportunities", Map.of(),
				body("/api/v1/opportunities", "post", dealLinks), 201);
		roundTrip("/api/v1/opportunities/{id}/line-items", Map.of("productId", product.get("id").asText()),
				Map.of("id", anotherDeal.get("id").asText()), "description", "itemId");

		roundTrip("/api/v1/activities", Map.of("opportunityId", anotherDeal.get("id").asText()), "subject");
	}

	/**
	 * Creates a record at the collection path, reads it, updates it with the version
	 * read, updates it again with that (now stale) version, and deletes it.
	 */
	private JsonNode roundTrip(String collection, Map<String, Object> links, String changed) throws Exception {
		return roundTrip(collection, links, Map.of(), changed, "id");
	}

	private JsonNode roundTrip(String collection, Map<String, Object> links, Map<String, String> pathValues,
			String changed, String idName) throws Exception {
		String item = collection + "/{" + idName + "}";
		JsonNode created = call(this.rep, "POST", collection, pathValues, body(collection, "post", links), 201);
		Map<String, String> at = new LinkedHashMap<>(pathValues);
		at.put(idName, created.get("id").asText());

		JsonNode read = read(collection, item, at, idName);
		assertThat(read).as("the new record read back").isNotNull();
		assertThat(read.get("version").asLong()).isEqualTo(created.get("version").asLong());

		ObjectNode change = readModifyWrite(item, read);
		change.put(changed, "Changed through the contract");
		JsonNode updated = call(this.rep, "PUT", item, at, change, 200);
		assertThat(updated.get(changed).asText()).isEqualTo("Changed through the contract");
		assertThat(updated.get("version").asLong()).isGreaterThan(read.get("version").asLong());

		change.put(changed, "A change on a stale version");
		JsonNode problem = call(this.rep, "PUT", item, at, change, 409);
		assertThat(problem.get("status").asInt()).isEqualTo(409);
		assertThat(problem.get("title").asText()).isNotBlank();

		call(this.rep, "DELETE", item, at, null, 204);
		if (this.document.getPaths().get(item).getGet() != null) {
			call(this.rep, "GET", item, at, null, 404);
		}
		else {
			assertThat(read(collection, item, at, idName)).as("deleted").isNull();
		}
		return created;
	}

	/**
	 * Reads one record by its own path, or — where the document has none, as for line
	 * items — from the list at the collection path.
	 */
	private JsonNode read(String collection, String item, Map<String, String> at, String idName) throws Exception {
		if (this.document.getPaths().get(item).getGet() != null) {
			return call(this.rep, "GET", item, at, null, 200);
		}
		for (JsonNode candidate : call(this.rep, "GET", collection, at, null, 200)) {
			if (candidate.get("id").asText().equals(at.get(idName))) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * What a client sends to update a record it read: every property of the request
	 * schema the record has, and the version read.
	 */
	private ObjectNode readModifyWrite(String path, JsonNode read) {
		Schema<?> request = requestSchema(operation(path, "PUT"));
		ObjectNode body = JSON.createObjectNode();
		request.getProperties().keySet().forEach(name -> {
			JsonNode value = read.get(name);
			if (value != null && !value.isNull()) {
				body.set(name, value);
			}
		});
		assertThat(request.getProperties()).containsKey("version");
		body.put("version", read.get("version").asLong());
		return body;
	}

	/**
	 * A request body from the document alone: each required property, and each one the
	 * document gives an example of, with the example, else the first allowed value, else
	 * a value of its format; links to other records are what the caller chose.
	 */
	private ObjectNode body(String path, String method, Map<String, Object> links) {
		Schema<?> request = requestSchema(operation(path, method.toUpperCase()));
		List<String> required = request.getRequired() == null ? List.of() : request.getRequired();
		ObjectNode body = JSON.createObjectNode();
		request.getProperties().forEach((name, property) -> {
			if (links.containsKey(name)) {
				body.set(name, JSON.valueToTree(links.get(name)));
			}
			else if (required.contains(name) || property.getExample() != null) {
				body.set(name, valueOf(name, property));
			}
		});
		assertThat(body.properties()).as("a body for " + method + " " + path).isNotEmpty();
		return body;
	}

	private JsonNode valueOf(String name, Schema<?> property) {
		Object example = property.getExample();
		if (example instanceof Date date) {
			return JSON.valueToTree(date.toInstant()
				.toString()
				.substring(0, "date".equals(property.getFormat()) ? 10 : date.toInstant().toString().length()));
		}
		if (example != null) {
			return JSON.valueToTree(example);
		}
		if (property.getEnum() != null && !property.getEnum().isEmpty()) {
			return JSON.valueToTree(property.getEnum().get(0));
		}
		String format = property.getFormat() == null ? "" : property.getFormat();
		return switch (format) {
			case "uuid" -> JSON.valueToTree(UUID.randomUUID().toString());
			case "date" -> JSON.valueToTree("2026-12-18");
			case "date-time" -> JSON.valueToTree("2026-12-18T10:00:00Z");
			case "email" -> JSON.valueToTree(name + "@contract.example");
			default -> JSON.valueToTree(property.getMinimum() != null ? property.getMinimum() : "Contract");
		};
	}

	/**
	 * Sends a request the document describes and checks the answer against it: the status
	 * is one the operation lists, and the body has the properties its schema requires and
	 * none it does not declare.
	 */
	private JsonNode call(User user, String method, String path, Map<String, String> pathValues, JsonNode body,
			int expectedStatus) throws Exception {
		Operation operation = operation(path, method);
		String uri = path;
		for (Map.Entry<String, String> value : pathValues.entrySet()) {
			uri = uri.replace("{" + value.getKey() + "}", value.getValue());
		}
		assertThat(uri).as("every path variable of " + path + " given").doesNotContain("{");
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders
			.request(org.springframework.http.HttpMethod.valueOf(method), uri)
			.with(TestUsers.basic(user));
		if (body != null) {
			request.contentType("application/json").content(JSON.writeValueAsString(body));
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(method + " " + uri + " " + body + ": " + response.getContentAsString())
			.isEqualTo(expectedStatus);
		ApiResponse documented = operation.getResponses().get(String.valueOf(expectedStatus));
		assertThat(documented).as(expectedStatus + " of " + method + " " + path + " documented").isNotNull();
		if (documented.getContent() == null || documented.getContent().isEmpty()) {
			assertThat(response.getContentAsString()).isEmpty();
			return null;
		}
		String contentType = response.getContentType().replaceFirst(";.*", "");
		MediaType media = documented.getContent().get(contentType);
		if (media == null && documented.getContent().size() == 1 && documented.getContent().containsKey("*/*")) {
			media = documented.getContent().get("*/*");
		}
		assertThat(media).as(contentType + " of " + expectedStatus + " of " + method + " " + path + " documented")
			.isNotNull();
		JsonNode answer = JSON.readTree(response.getContentAsString());
		assertConforms(answer, media.getSchema(), method + " " + path + " " + expectedStatus);
		if (expectedStatus >= 400) {
			assertThat(media.getSchema().get$ref()).endsWith("/" + ApiDocumentation.PROBLEM);
			assertThat(contentType).isEqualTo("application/problem+json");
		}
		return answer;
	}

	private void assertConforms(JsonNode value, Schema<?> schema, String where) {
		Schema<?> resolved = resolve(schema);
		if (value == null || value.isNull() || resolved == null) {
			return;
		}
		if (value.isArray()) {
			assertThat(resolved.getItems()).as(where + " is an array").isNotNull();
			value.forEach(element -> assertConforms(element, resolved.getItems(), where + "[]"));
			return;
		}
		if (!value.isObject() || resolved.getProperties() == null) {
			return;
		}
		if (resolved.getRequired() != null) {
			resolved.getRequired()
				.forEach(name -> assertThat(value.has(name)).as(where + " has required " + name).isTrue());
		}
		value.properties().forEach(field -> {
			Schema<?> property = resolved.getProperties().get(field.getKey());
			assertThat(property).as(where + " declares " + field.getKey()).isNotNull();
			assertConforms(field.getValue(), property, where + "." + field.getKey());
		});
	}

	private Operation operation(String path, String method) {
		PathItem item = this.document.getPaths().get(path);
		assertThat(item).as(path + " in the document").isNotNull();
		Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase()));
		assertThat(operation).as(method + " " + path + " in the document").isNotNull();
		return operation;
	}

	private Schema<?> requestSchema(Operation operation) {
		assertThat(operation.getRequestBody()).isNotNull();
		return resolve(operation.getRequestBody().getContent().get("application/json").getSchema());
	}

	private Schema<?> schema(String name) {
		Schema<?> schema = this.document.getComponents().getSchemas().get(name);
		assertThat(schema).as(name + " in the document's schemas").isNotNull();
		return schema;
	}

	private Schema<?> resolve(Schema<?> schema) {
		if (schema != null && schema.get$ref() != null) {
			return schema(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		}
		return schema;
	}

	/**
	 * Each limit a service's validation sets on a field (length, range, not blank) is the
	 * limit the request schema states for it.
	 */
	private void assertSameRules(String schemaName, Class<? extends Record> validated) {
		Schema<?> request = schema(schemaName);
		int compared = 0;
		for (RecordComponent component : validated.getRecordComponents()) {
			Schema<?> property = request.getProperties().get(component.getName());
			if (property == null) {
				continue;
			}
			String field = schemaName + "." + component.getName();
			Size size = annotation(component, Size.class);
			if (size != null && component.getType() == String.class) {
				assertThat(property.getMaxLength()).as(field + " maxLength").isEqualTo(size.max());
				compared++;
			}
			if (size != null && List.class.isAssignableFrom(component.getType())) {
				assertThat(property.getMaxItems()).as(field + " maxItems").isEqualTo(size.max());
				compared++;
			}
			if (annotation(component, NotBlank.class) != null) {
				assertThat(request.getRequired()).as(field + " required").contains(component.getName());
				assertThat(property.getMinLength()).as(field + " minLength").isEqualTo(1);
				compared++;
			}
			Min min = annotation(component, Min.class);
			if (min != null) {
				assertThat(property.getMinimum()).as(field + " minimum")
					.isEqualByComparingTo(BigDecimal.valueOf(min.value()));
				compared++;
			}
			Max max = annotation(component, Max.class);
			if (max != null) {
				assertThat(property.getMaximum()).as(field + " maximum")
					.isEqualByComparingTo(BigDecimal.valueOf(max.value()));
				compared++;
			}
			DecimalMin decimalMin = annotation(component, DecimalMin.class);
			if (decimalMin != null) {
				assertThat(property.getMinimum()).as(field + " minimum")
					.isEqualByComparingTo(new BigDecimal(decimalMin.value()));
				compared++;
			}
			DecimalMax decimalMax = annotation(component, DecimalMax.class);
			if (decimalMax != null) {
				assertThat(property.getMaximum()).as(field + " maximum")
					.isEqualByComparingTo(new BigDecimal(decimalMax.value()));
				compared++;
			}
			if (component.getType().isEnum()) {
				List<String> names = Arrays.stream(component.getType().getEnumConstants())
					.map(constant -> ((Enum<?>) constant).name())
					.toList();
				assertThat(property.getEnum()).as(field + " allowed values")
					.map(String::valueOf)
					.containsExactlyInAnyOrderElementsOf(names);
				compared++;
			}
		}
		assertThat(compared).as("rules of " + validated.getSimpleName() + " compared").isPositive();
	}

	private static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
		A onComponent = component.getAnnotation(type);
		if (onComponent != null) {
			return onComponent;
		}
		try {
			return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

}
