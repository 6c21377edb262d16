package org.licencerisk.functions.screening;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.denials.DenialRepository;
import org.licencerisk.functions.denials.StoredDenial;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.testing.ExactNameScreener;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialSource;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.PartyRole;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register a function follows: loaded at start, reloaded in the background only when it changed. */
class RegisterFollowerTest {

    /** The register's counter and denials in memory: the follower's logic, not storage, is under test here. */
    private static final class Register implements DenialRepository {
        final AtomicLong version = new AtomicLong();
        final List<Denial> denials = new CopyOnWriteArrayList<>();
        final AtomicInteger loads = new AtomicInteger();
        final List<String> loadingThreads = new CopyOnWriteArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public List<Denial> validDenials() {
            loads.incrementAndGet();
            loadingThreads.add(Thread.currentThread().getName());
            try {
                assertTrue(gate.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.copyOf(denials);
        }

        @Override
        public long registerVersion() {
            return version.get();
        }

        void add(String id) {
            denials.add(new Denial(id, DenialSource.NOTIFICATION, "DE", LocalDate.parse("2026-01-01"), List.of("7"),
                    List.of("5A001.j"), "Probe", "EG", List.of(new DenialParty(PartyRole.END_USER, "Firm " + id, "EG",
                    null)), DenialStatus.VALID, LocalDate.parse("2029-01-01")));
            version.incrementAndGet();
        }

        @Override
        public Optional<StoredDenial> find(String denialId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredDenial> history(String denialId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean insertVersion(StoredDenial next) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void advanceCurrent(StoredDenial stored) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long recordChange(Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<StoredDenial> list(DenialStatus status, String notifyingState, int limit, String cursor) {
            throw new UnsupportedOperationException();
        }
    }

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final StructuredLogger log = new StructuredLogger(new PrintStream(logs, true, StandardCharsets.UTF_8),
            Clock.systemUTC());

    @Test
    void theRegisterIsLoadedAtStartAndReloadedOnlyWhenItsCounterMoves() {
        Register register = new Register();
        register.add("A");
        RegisterFollower follower = new RegisterFollower(register, ExactNameScreener::new, Duration.ofSeconds(30), log)
                .loadNow();
        assertEquals(1, register.loads.get());
        RegisterFollower.Loaded first = follower.refresh();
        assertEquals(1, register.loads.get(), "an unchanged counter: nothing read but the counter");
        assertEquals("denials-1", first.label());
        assertEquals("denials-1", first.screener().registerVersion());
        register.add("B");
        RegisterFollower.Loaded second = follower.refresh();
        assertEquals(2, register.loads.get());
        assertEquals("denials-2", second.label());
        assertEquals(2, second.denials().size());
        assertFalse(logs.toString(StandardCharsets.UTF_8).contains("Firm"), "no party name in the logs");
    }

    @Test
    void aChangeIsLoadedInTheBackgroundWhileRequestsKeepTheRegisterTheyHave() throws Exception {
        Register register = new Register();
        register.add("A");
        RegisterFollower follower = new RegisterFollower(register, ExactNameScreener::new, Duration.ofSeconds(1), log)
                .loadNow();
        RegisterFollower.Loaded before = follower.refresh();
        CountDownLatch loaded = new CountDownLatch(1);
        follower.onLoaded(l -> loaded.countDown());
        register.gate = new CountDownLatch(1);
        register.add("B");
        // The request that notices the change is not held up: it gets the register it had while the load waits.
        RegisterFollower.Loaded during = follower.current();
        assertSame(before, during);
        register.gate.countDown();
        assertTrue(loaded.await(30, TimeUnit.SECONDS), "the background check loads the changed register");
        assertEquals("denials-2", follower.current().label());
        assertEquals("denial-register-loader", register.loadingThreads.get(register.loadingThreads.size() - 1));
    }
}
