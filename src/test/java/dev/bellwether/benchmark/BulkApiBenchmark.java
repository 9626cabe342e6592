package dev.bellwether.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk API ({@code POST /api/v1/imports/records}) from one HTTP client, as an
 * integration would call it: deals in calls of 1,000, each naming its account (an account
 * for every twenty deals, created by the first call that names it), its owner by user
 * name and its stage by name. Beside it, in the same run, the trivial authenticated
 * endpoint ({@code GET /api/v1/users/me}) and the REST API's one POST a deal. Not part of
 * the suite (no test pattern matches the name); run it with
 * {@code ./mvnw -o test -Dtest=BulkApiBenchmark -Dbench.bulk.records=50000}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BulkApiBenchmark {

	private static final String[] STAGES = { "Prospecting", "Qualification", "Proposal", "Negotiation", "Won", "Lost" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PER_CALL = 1_000;

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	private final HttpClient http = HttpClient.newHttpClient();

	private String authorization;

	@Test
	void bulkWritesBesideTheTrivialEndpoint() throws Exception {
		int records = Integer.getInteger("bench.bulk.records", 10_000);
		User admin = this.users.create(Role.SALES_ADMIN);
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((admin.username() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Random random = new Random(1);

		// warm-up: the code paths compiled, the connection pool filled
		JsonNode warmUp = post(calls(PER_CALL, tag + "w", admin.username(), random).get(0));
		assertThat(warmUp.path("importJob").path("created").asInt()).as(() -> {
			for (JsonNode outcome : warmUp.path("outcomes")) {
				if (!"account".equals(outcome.path("recordType").asString())) {
					return outcome.toString() + " " + warmUp.path("importJob");
				}
			}
			return warmUp.toString();
		}).isEqualTo(PER_CALL);
		for (int i = 0; i < 200; i++) {
			get("/api/v1/users/me");
		}

		int trivialCalls = 1_000;
		long started = System.nanoTime();
		for (int i = 0; i < trivialCalls; i++) {
			get("/api/v1/users/me");
		}
		double trivialSeconds = seconds(started);

		List<String> bodies = calls(records, tag, admin.username(), random);
		int created = 0;
		started = System.nanoTime();
		for (String body : bodies) {
			JsonNode result = post(body);
			created += result.path("importJob").path("created").asInt();
		}
		double bulkSeconds = seconds(started);
		assertThat(created).isEqualTo(records);

		double trivialRate = trivialCalls / trivialSeconds;
		double bulkRate = records / bulkSeconds;
		System.out.printf("""

				== Bulk API benchmark: %,d deals in calls of %,d (an account for every 20 created with them) ==
				trivial GET /api/v1/users/me  %,10.0f calls/s   (%.2f ms a call)
				bulk API                      %,10.0f records/s (%.0f ms a call of %,d)
				bulk records per trivial call %10.1f
				""", records, PER_CALL, trivialRate, 1000 / trivialRate, bulkRate, 1000 * bulkSeconds / bodies.size(),
				PER_CALL, bulkRate / trivialRate);
	}

	private List<String> calls(int records, String tag, String owner, Random random) {
		int accounts = Math.max(1, records / 20);
		List<String> bodies = new ArrayList<>();
		LocalDate start = LocalDate.of(2024, 1, 1);
		for (int from = 0; from < records; from += PER_CALL) {
			List<Map<String, Object>> deals = new ArrayList<>();
			for (int i = from; i < Math.min(records, from + PER_CALL); i++) {
				LocalDate created = start.plusDays(random.nextInt(700));
				Map<String, Object> deal = new LinkedHashMap<>();
				deal.put("externalId", "BULK-" + tag + "-" + i);
				deal.put("name", "Bulk deal " + i);
				deal.put("account", "Bulk Account " + tag + " " + random.nextInt(accounts));
				deal.put("owner", owner);
				deal.put("stage", STAGES[random.nextInt(STAGES.length)]);
				deal.put("closeDate", created.plusDays(10 + random.nextInt(120)).toString());
				deal.put("amount", 1000 + random.nextInt(200_000));
				deal.put("createdAt", created.toString());
				deals.add(deal);
			}
			bodies.add(JSON.writeValueAsString(Map.of("target", "OPPORTUNITY", "records", deals)));
		}
		return bodies;
	}

	private JsonNode post(String body) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/imports/records"))
				.header("Authorization", this.authorization)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private void get(String path) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", this.authorization)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
