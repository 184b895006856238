package io.echain.checkin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import tools.jackson.databind.JsonNode;

/**
 * Scans at the door against the real chain and PostgreSQL: codes signed with real keys (the holder's Anvil account
 * and a fresh delegate key), tickets bought and transferred on Anvil and indexed step by step.
 */
class CheckInIntegrationTest extends ChainTest {

    private static final int BUYER = 7;
    private static final int RECEIVER = 8;

    private Codes codes;
    private Session organizer;
    private Session staff;
    private long eventId;

    @BeforeEach
    void eventWithDoorStaff() {
        codes = new Codes(chainProperties.chainId());
        organizer = organizer();
        eventId = eventOnSale(organizer, 50);
        staff = attendee();
        Api.Response granted = api.call("PUT", "/api/events/" + eventId + "/door-staff/" + staff.address())
                .token(organizer.token())
                .send();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    }

    @Test
    void admitsATicketOnceAndRefusesTheSecondScanWithWhenAndWhere() {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        Codes.Pass pass = codes.pass(holderKey(BUYER), eventId);

        JsonNode first = scan(staff, codes.code(pass, token), "North");
        assertThat(first.get("verdict").asString()).as(first.toString()).isEqualTo("ADMITTED");
        assertThat(first.get("reason").isNull()).isTrue();
        assertThat(first.get("tokenId").asString()).isEqualTo(token.toString());
        assertThat(first.get("holder").asString()).isEqualTo(pass.holderAddress());
        assertThat(first.get("holderTickets").asInt()).isEqualTo(1);
        assertThat(first.get("holderCheckedIn").asInt()).isEqualTo(1);
        assertThat(first.get("flags").isEmpty()).as(first.toString()).isTrue();

        JsonNode second = scan(organizer, codes.code(pass, token), "South");
        assertRefused(second, "ALREADY_CHECKED_IN");
        assertThat(second.get("firstCheckIn").get("gate").asString()).isEqualTo("North");
        assertThat(Instant.parse(second.get("firstCheckIn").get("at").asString()))
                .isEqualTo(Instant.parse(first.get("scannedAt").asString()));
        assertThat(second.get("message").asString()).contains("gate North");
    }

    @Test
    void theSameScanIdAnswersTheSameVerdict() {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        Codes.Pass pass = codes.pass(holderKey(BUYER), eventId);
        UUID scanId = UUID.randomUUID();
        String code = codes.code(pass, token);
        JsonNode first = scan(staff, code, "North", scanId);
        JsonNode again = scan(staff, code, "North", scanId);
        assertThat(first.get("verdict").asString()).isEqualTo("ADMITTED");
        assertThat(again).as("a retry is not a second scan").isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from checkin_scans where scan_id = ?")
                        .param(scanId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Api.Response otherScanner = api.call("POST", "/api/events/" + eventId + "/checkins")
                .token(organizer.token())
                .json(Map.of("code", code, "gate", "North", "scanId", scanId.toString()))
                .send();
        assertProblem(otherScanner, 409, "conflict");
    }

    @Test
    void manyParallelScansOfOneTicketAdmitExactlyOne() throws Exception {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        Codes.Pass pass = codes.pass(holderKey(BUYER), eventId);
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String gate = "Gate " + (i % 4);
                String code = codes.code(pass, token);
                Callable<JsonNode> scan = () -> {
                    start.await();
                    return scanRetryingWhenBusy(staff, code, gate);
                };
                answers.add(pool.submit(scan));
            }
            start.countDown();
            List<String> verdicts = new ArrayList<>();
            for (Future<JsonNode> answer : answers) {
                JsonNode verdict = answer.get();
                verdicts.add(verdict.get("verdict").asString() + " "
                        + verdict.get("reason").asString(""));
            }
            assertThat(verdicts).filteredOn(v -> v.startsWith("ADMITTED")).hasSize(1);
            assertThat(verdicts)
                    .filteredOn(v -> v.equals("REFUSED ALREADY_CHECKED_IN"))
                    .hasSize(threads - 1);
        }
        assertThat(jdbc.sql("select count(*) from checkin_admissions where event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesExpiredCodesAndPasses() {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        Codes.Pass pass = codes.pass(holderKey(BUYER), eventId);
        long now = Instant.now().getEpochSecond();
        assertRefused(scan(staff, codes.code(pass, token, now - 61), "North"), "CODE_EXPIRED");
        assertRefused(scan(staff, codes.code(pass, token, now + 60), "North"), "CODE_EXPIRED");
        Codes.Pass old = codes.pass(holderKey(BUYER), eventId, now - 90_000, now - 3_600);
        assertRefused(scan(staff, codes.code(old, token), "North"), "PASS_EXPIRED");
        Codes.Pass tooLong = codes.pass(holderKey(BUYER), eventId, now - 60, now + 27 * 3_600);
        assertRefused(scan(staff, codes.code(tooLong, token), "North"), "PASS_EXPIRED");
        JsonNode live = scan(staff, codes.code(pass, token, now - 5), "North");
        assertThat(live.get("verdict").asString())
                .as("a code 5 s old is within the window")
                .isEqualTo("ADMITTED");
    }

    @Test
    void refusesGarbageTruncatedForgedAndOtherEventsCodesWithAReason() {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        Codes.Pass pass = codes.pass(holderKey(BUYER), eventId);
        String good = codes.code(pass, token);
        assertRefused(scan(staff, "", "North"), "MALFORMED");
        assertRefused(scan(staff, "garbage \u0000 ☃", "North"), "MALFORMED");
        assertRefused(scan(staff, good.substring(0, good.length() - 5), "North"), "MALFORMED");
        assertRefused(scan(staff, good + "AAAA", "North"), "MALFORMED");
        assertRefused(scan(staff, "ECHK1." + "_".repeat(313), "North"), "MALFORMED");

        // Forged: a pass signed by someone else's wallet naming the buyer as holder.
        Codes.Pass stolen = codes.pass(holderKey(RECEIVER), eventId);
        String forged = swapHolder(codes.code(stolen, token), pass.holderAddress());
        assertRefused(scan(staff, forged, "North"), "BAD_SIGNATURE");

        // Another event's code, and a pass of another event with a code claiming this one.
        long other = eventOnSale(organizer, 5);
        assertRefused(scan(staff, codes.code(codes.pass(holderKey(BUYER), other), token), "North"), "WRONG_EVENT");
        Codes.Pass otherPass = codes.pass(holderKey(BUYER), other);
        assertRefused(
                scan(staff, codes.code(otherPass, eventId, token, Instant.now().getEpochSecond()), "North"),
                "BAD_SIGNATURE");

        // A ticket of another event with a valid code of this event.
        assertRefused(
                scan(staff, codes.code(pass, token.add(BigInteger.valueOf(1_000_000))), "North"), "UNKNOWN_TICKET");

        assertThat(scan(staff, good, "North").get("verdict").asString())
                .as("none of that admitted the ticket")
                .isEqualTo("ADMITTED");
    }

    @Test
    void aCodeFromBeforeATransferIsRefusedAfterIt() {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        Codes.Pass sellerPass = codes.pass(holderKey(BUYER), eventId);
        String sellersCode = codes.code(sellerPass, token);
        Codes.Pass buyerPass = codes.pass(holderKey(RECEIVER), eventId);
        String buyersEarlyCode = codes.code(buyerPass, token, Instant.now().getEpochSecond() - 30);

        chain.mined(chain.transfer(AnvilRpc.key(BUYER), AnvilRpc.key(RECEIVER).getAddress(), token));
        index();

        assertRefused(scan(staff, sellersCode, "North"), "NOT_OWNER");
        assertRefused(scan(staff, buyersEarlyCode, "North"), "NOT_OWNER");
        JsonNode unconfirmed = scan(staff, codes.code(buyerPass, token), "North");
        assertThat(unconfirmed.get("verdict").asString())
                .as(unconfirmed.toString())
                .isEqualTo("ADMITTED");
        assertThat(unconfirmed.get("flags").valueStream().map(JsonNode::asString))
                .as("decided on the indexed owner while the transfer is not confirmed")
                .containsExactly("OWNER_UNCONFIRMED");
    }

    @Test
    void aConfirmedTransferCarriesNoFlag() {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        chain.mined(chain.transfer(AnvilRpc.key(BUYER), AnvilRpc.key(RECEIVER).getAddress(), token));
        index();
        String unconfirmed = codes.code(codes.pass(holderKey(RECEIVER), eventId), token);
        assertThat(bundleTicket(token).get("ownerConfirmed").asBoolean()).isFalse();
        chain.mine(3);
        index();
        JsonNode verdict = scan(staff, unconfirmed, "North");
        assertThat(verdict.get("verdict").asString()).isEqualTo("ADMITTED");
        assertThat(verdict.get("flags").isEmpty()).as(verdict.toString()).isTrue();
    }

    @Test
    void refusesEveryTicketOfACancelledEventAndSaysWhichWereRefunded() {
        List<BigInteger> tokens = buyConfirmed(BUYER, 2);
        Codes.Pass pass = codes.pass(holderKey(BUYER), eventId);
        cancel(organizer, eventId);
        assertRefused(scan(staff, codes.code(pass, tokens.get(0)), "North"), "EVENT_CANCELLED");
        chain.mined(chain.claimRefunds(AnvilRpc.key(BUYER), List.of(tokens.get(1))));
        index();
        assertRefused(scan(staff, codes.code(pass, tokens.get(1)), "North"), "REFUNDED");
        assertRefused(scan(staff, codes.code(pass, tokens.get(0)), "North"), "EVENT_CANCELLED");
    }

    @Test
    void refusesCodesOfAnEventNotYetConfirmedOnChain() {
        chain.automine(false); // the outbox's registration waits in the mempool
        try {
            long pending = createEvent(organizer).get("id").asLong();
            Codes.Pass pass = codes.pass(holderKey(BUYER), pending);
            String code = codes.code(pass, BigInteger.ONE);
            Api.Response response = api.call("POST", "/api/events/" + pending + "/checkins")
                    .token(organizer.token())
                    .json(Map.of(
                            "code",
                            code,
                            "gate",
                            "North",
                            "scanId",
                            UUID.randomUUID().toString()))
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertRefused(response.json(), "NOT_ON_CHAIN");
        } finally {
            chain.automine(true);
            chain.mine(1);
        }
    }

    @Test
    void doorStaffAreGrantedAndRevokedByTheOrganizerAndStrangersAreRefused() {
        BigInteger token = buyConfirmed(BUYER, 1).getFirst();
        String code = codes.code(codes.pass(holderKey(BUYER), eventId), token);
        Session stranger = attendee();

        JsonNode list = api.get("/api/events/" + eventId + "/door-staff", organizer.token())
                .json();
        assertThat(list.valueStream().map(e -> e.get("address").asString())).containsExactly(staff.address());
        assertThat(list.get(0).get("grantedBy").asString()).isEqualTo(organizer.address());
        JsonNode doors = api.get("/api/me/door", staff.token()).json();
        assertThat(doors.valueStream().filter(d -> d.get("eventId").asLong() == eventId))
                .singleElement()
                .satisfies(d -> assertThat(d.get("role").asString()).isEqualTo("DOOR_STAFF"));
        assertThat(api.get("/api/me/door", organizer.token())
                        .json()
                        .valueStream()
                        .filter(d -> d.get("eventId").asLong() == eventId)
                        .map(d -> d.get("role").asString()))
                .containsExactly("ORGANIZER");

        assertProblem(scanResponse(stranger, code, "North"), 403, "forbidden");
        assertProblem(api.get("/api/events/" + eventId + "/checkins/list", stranger.token()), 403, "forbidden");
        assertProblem(api.get("/api/events/" + eventId + "/door-staff", staff.token()), 403, "forbidden");
        assertProblem(api.get("/api/events/" + eventId + "/checkins/summary", staff.token()), 403, "forbidden");
        assertProblem(
                api.call("PUT", "/api/events/" + eventId + "/door-staff/" + stranger.address())
                        .token(staff.token())
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.call("PUT", "/api/events/" + eventId + "/door-staff/not-an-address")
                        .token(organizer.token())
                        .send(),
                400,
                "validation");
        assertProblem(scanResponse(staff, code, "North", 99_999_999L), 404, "not-found");
        assertProblem(
                api.call("POST", "/api/events/" + eventId + "/checkins")
                        .json(Map.of(
                                "code",
                                code,
                                "gate",
                                "North",
                                "scanId",
                                UUID.randomUUID().toString()))
                        .send(),
                401,
                "unauthenticated");

        Api.Response again = api.call("PUT", "/api/events/" + eventId + "/door-staff/" + staff.address())
                .token(admin().token())
                .send();
        assertThat(again.status()).as("idempotent, also for an admin").isEqualTo(200);
        assertThat(again.json().get("grantedBy").asString()).isEqualTo(organizer.address());

        for (int i = 0; i < 2; i++) {
            Api.Response revoked = api.call("DELETE", "/api/events/" + eventId + "/door-staff/" + staff.address())
                    .token(organizer.token())
                    .send();
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        }
        assertProblem(scanResponse(staff, code, "North"), 403, "forbidden");
        assertThat(scan(admin(), code, "Admin gate").get("verdict").asString()).isEqualTo("ADMITTED");
    }

    @Test
    void refusesRequestsItCannotTakeWithFieldMessages() {
        Api.Response noGate = api.call("POST", "/api/events/" + eventId + "/checkins")
                .token(staff.token())
                .json(Map.of("code", "ECHK1.x", "scanId", UUID.randomUUID().toString()))
                .send();
        assertProblem(noGate, 400, "validation");
        assertThat(noGate.json().get("errors").has("gate"))
                .as(noGate.toString())
                .isTrue();
        Api.Response longGate = api.call("POST", "/api/events/" + eventId + "/checkins")
                .token(staff.token())
                .json(Map.of(
                        "code",
                        "ECHK1.x",
                        "gate",
                        "g".repeat(41),
                        "scanId",
                        UUID.randomUUID().toString()))
                .send();
        assertProblem(longGate, 400, "validation");
        Api.Response badScanId = api.call("POST", "/api/events/" + eventId + "/checkins")
                .token(staff.token())
                .json(Map.of("code", "ECHK1.x", "gate", "North", "scanId", "not-a-uuid"))
                .send();
        assertThat(badScanId.status()).as(badScanId.toString()).isEqualTo(400);
        assertThat(badScanId.contentType()).startsWith("application/problem+json");
        Api.Response noScans = api.call("POST", "/api/events/" + eventId + "/checkins/sync")
                .token(staff.token())
                .json(Map.of("gate", "North", "scans", List.of()))
                .send();
        assertProblem(noScans, 400, "validation");
    }

    @Test
    void publishesTheSettingsToAnyone() {
        JsonNode config = api.get("/api/checkin/config").json();
        assertThat(config.get("chainId").asLong()).isEqualTo(chainProperties.chainId());
        assertThat(config.get("domainName").asString()).isEqualTo("Echain Check-in");
        assertThat(config.get("domainVersion").asString()).isEqualTo("1");
        assertThat(config.get("codeWindowSeconds").asLong()).isEqualTo(60);
        assertThat(config.get("codeRefreshSeconds").asLong()).isEqualTo(15);
        assertThat(config.get("maxPassSeconds").asLong()).isEqualTo(26 * 3600);
    }

    @Test
    void syncKeepsTheFirstScanAndReportsTheConflictToTheOrganizer() {
        List<BigInteger> tokens = buyConfirmed(BUYER, 2);
        BigInteger token = tokens.get(0);
        Codes.Pass pass = codes.pass(holderKey(BUYER), eventId);
        JsonNode online = scan(staff, codes.code(pass, token), "North");
        assertThat(online.get("verdict").asString()).as(online.toString()).isEqualTo("ADMITTED");
        Instant onlineAt = Instant.parse(online.get("scannedAt").asString());

        // Gate East was offline and admitted the same ticket two seconds earlier: it keeps the admission.
        Map<String, Object> east =
                offlineScan(codes.code(pass, token, onlineAt.getEpochSecond() - 3), onlineAt.minusSeconds(2));
        JsonNode eastResult = sync(staff, "East", List.of(east)).get(0);
        assertThat(eastResult.get("verdict").asString())
                .as(eastResult.toString())
                .isEqualTo("ADMITTED");
        assertThat(sync(staff, "East", List.of(east)).get(0))
                .as("a sync sent twice")
                .isEqualTo(eastResult);

        // Gate West admitted it offline after East: refused, with East's admission, and a conflict.
        Map<String, Object> west =
                offlineScan(codes.code(pass, token, onlineAt.getEpochSecond() - 2), onlineAt.minusSeconds(1));
        Map<String, Object> stale =
                offlineScan(codes.code(pass, tokens.get(1)), Instant.now().minusSeconds(8 * 86_400));
        Map<String, Object> future =
                offlineScan(codes.code(pass, tokens.get(1)), Instant.now().plusSeconds(600));
        JsonNode westResults = sync(staff, "West", List.of(west, stale, future));
        assertRefused(westResults.get(0), "ALREADY_CHECKED_IN");
        assertThat(westResults.get(0).get("firstCheckIn").get("gate").asString())
                .isEqualTo("East");
        assertRefused(westResults.get(1), "BAD_SCAN_TIME");
        assertRefused(westResults.get(2), "BAD_SCAN_TIME");

        JsonNode summary = api.get("/api/events/" + eventId + "/checkins/summary", organizer.token())
                .json();
        assertThat(summary.get("sold").asLong()).isEqualTo(2);
        assertThat(summary.get("checkedIn").asLong()).isEqualTo(1);
        assertThat(summary.get("refusedByReason").get("ALREADY_CHECKED_IN").asLong())
                .isEqualTo(1);
        assertThat(summary.get("refusedByReason").get("BAD_SCAN_TIME").asLong()).isEqualTo(2);
        assertThat(summary.get("gates").valueStream().map(g -> g.get("gate").asString()))
                .containsExactly("East", "North", "West");
        assertThat(summary.get("recent").size()).isEqualTo(5);
        List<String> conflicts = summary.get("conflicts")
                .valueStream()
                .map(c -> c.get("tokenId").asString() + " kept "
                        + c.get("kept").get("gate").asString() + " over "
                        + c.get("other").get("gate").asString())
                .toList();
        assertThat(conflicts)
                .containsExactlyInAnyOrder(token + " kept East over North", token + " kept East over West");

        JsonNode ticket = bundleTicket(token);
        assertThat(ticket.get("gate").asString()).isEqualTo("East");
        assertThat(Instant.parse(ticket.get("checkedInAt").asString())).isEqualTo(onlineAt.minusSeconds(2));
    }

    @Test
    void theOfflineBundleListsEveryTicketWithAnETag() {
        List<BigInteger> tokens = buyConfirmed(BUYER, 2);
        Api.Response bundle = api.get("/api/events/" + eventId + "/checkins/list", staff.token());
        assertThat(bundle.status()).isEqualTo(200);
        JsonNode json = bundle.json();
        assertThat(json.get("eventId").asLong()).isEqualTo(eventId);
        assertThat(json.get("chainId").asLong()).isEqualTo(chainProperties.chainId());
        assertThat(json.get("onChain").asBoolean()).isTrue();
        assertThat(json.get("cancelled").asBoolean()).isFalse();
        assertThat(json.get("tickets").valueStream().map(t -> t.get("tokenId").asString()))
                .containsExactlyElementsOf(
                        tokens.stream().map(BigInteger::toString).toList());
        JsonNode first = json.get("tickets").get(0);
        assertThat(first.get("owner").asString())
                .isEqualTo(AnvilRpc.key(BUYER).getAddress().toLowerCase());
        assertThat(first.get("ownerConfirmed").asBoolean()).isTrue();
        assertThat(first.get("ownerSince").asLong()).isPositive();
        assertThat(first.get("checkedInAt").isNull()).isTrue();
        String etag = bundle.header("ETag").orElseThrow();

        Api.Response unchanged = api.call("GET", "/api/events/" + eventId + "/checkins/list")
                .token(staff.token())
                .header("If-None-Match", etag)
                .send();
        assertThat(unchanged.status()).isEqualTo(304);

        scan(staff, codes.code(codes.pass(holderKey(BUYER), eventId), tokens.get(0)), "North");
        Api.Response changed = api.call("GET", "/api/events/" + eventId + "/checkins/list")
                .token(staff.token())
                .header("If-None-Match", etag)
                .send();
        assertThat(changed.status()).as("a check-in changes the bundle").isEqualTo(200);
        assertThat(changed.json().get("tickets").get(0).get("gate").asString()).isEqualTo("North");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Buys {@code quantity} tickets with Anvil account {@code buyer} and indexes until the purchase is confirmed. */
    List<BigInteger> buyConfirmed(int buyer, int quantity) {
        buy(AnvilRpc.key(buyer), eventId, quantity);
        chain.mine(3);
        index();
        String owner = AnvilRpc.key(buyer).getAddress().toLowerCase();
        return jdbc.sql("select token_id from tickets where event_id = ? and owner_address = ? order by token_id")
                .params(eventId, owner)
                .query((rs, n) -> rs.getBigDecimal(1).toBigIntegerExact())
                .list();
    }

    static ECKeyPair holderKey(int index) {
        return AnvilRpc.key(index).getEcKeyPair();
    }

    JsonNode scan(Session scanner, String code, String gate) {
        return scan(scanner, code, gate, UUID.randomUUID());
    }

    JsonNode scan(Session scanner, String code, String gate, UUID scanId) {
        Api.Response response = api.call("POST", "/api/events/" + eventId + "/checkins")
                .token(scanner.token())
                .json(Map.of("code", code, "gate", gate, "scanId", scanId.toString()))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** What a scanner does when the server is overloaded (503): the same scan again, with the same scanId. */
    JsonNode scanRetryingWhenBusy(Session scanner, String code, String gate) {
        UUID scanId = UUID.randomUUID();
        Map<String, String> body = Map.of("code", code, "gate", gate, "scanId", scanId.toString());
        for (int attempt = 0; ; attempt++) {
            Api.Response response = api.call("POST", "/api/events/" + eventId + "/checkins")
                    .token(scanner.token())
                    .json(body)
                    .send();
            if (response.status() != 503 || attempt == 10) {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                return response.json();
            }
            sleep(200);
        }
    }

    Api.Response scanResponse(Session scanner, String code, String gate) {
        return scanResponse(scanner, code, gate, eventId);
    }

    Api.Response scanResponse(Session scanner, String code, String gate, long event) {
        return api.call("POST", "/api/events/" + event + "/checkins")
                .token(scanner.token())
                .json(Map.of(
                        "code", code, "gate", gate, "scanId", UUID.randomUUID().toString()))
                .send();
    }

    Map<String, Object> offlineScan(String code, Instant scannedAt) {
        return Map.of(
                "scanId",
                UUID.randomUUID().toString(),
                "code",
                code,
                "scannedAt",
                scannedAt.toString(),
                "offlineVerdict",
                "ADMITTED");
    }

    JsonNode sync(Session scanner, String gate, List<Map<String, Object>> scans) {
        Api.Response response = api.call("POST", "/api/events/" + eventId + "/checkins/sync")
                .token(scanner.token())
                .json(Map.of("gate", gate, "scans", scans))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("results");
    }

    JsonNode bundleTicket(BigInteger token) {
        Api.Response bundle = api.get("/api/events/" + eventId + "/checkins/list", staff.token());
        assertThat(bundle.status()).as(bundle.toString()).isEqualTo(200);
        return bundle.json()
                .get("tickets")
                .valueStream()
                .filter(t -> t.get("tokenId").asString().equals(token.toString()))
                .findFirst()
                .orElseThrow();
    }

    static void assertRefused(JsonNode verdict, String reason) {
        assertThat(verdict.get("verdict").asString()).as(verdict.toString()).isEqualTo("REFUSED");
        assertThat(verdict.get("reason").asString()).as(verdict.toString()).isEqualTo(reason);
        assertThat(verdict.get("message").asString()).isNotBlank();
    }

    /** The code with another holder written over the pass's holder (signatures unchanged). */
    static String swapHolder(String text, String holder) {
        CheckInCode c = CheckInCode.parse(text).orElseThrow();
        return new CheckInCode(
                        c.eventId(),
                        c.tokenId(),
                        holder,
                        c.delegate(),
                        c.notBefore(),
                        c.notAfter(),
                        c.passSignature(),
                        c.issuedAt(),
                        c.codeSignature())
                .text();
    }
}
