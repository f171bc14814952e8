package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One engine fed messages by hand: a DC of an older view or an older term is ignored. */
class StaleDcTest {
    private final List<Msg> sent = new ArrayList<>();
    private DurableState stored;
    private Engine engine;

    private static Cib cibWith(String resource, long epoch) {
        Configuration c = Configuration.builder().primitive(resource, "ocf:heartbeat:Dummy").build();
        return new Cib(new CibVersion(0, epoch, 0), c, ClusterStatus.EMPTY);
    }

    @BeforeEach
    void start() {
        Transport t = new Transport() {
            @Override
            public void send(String to, Msg msg) {
                sent.add(msg);
            }

            @Override
            public void broadcast(Msg msg) {
                sent.add(msg);
            }
        };
        Timers timers = new Timers() {
            @Override
            public long now() {
                return 0;
            }

            @Override
            public java.time.Instant wallClock() {
                return java.time.Instant.EPOCH;
            }

            @Override
            public Cancellable schedule(long delayMs, Runnable task) {
                return () -> { };
            }
        };
        Storage storage = new Storage() {
            @Override
            public Loaded load() {
                return Loaded.fresh();
            }

            @Override
            public void save(DurableState state) {
                stored = state;
            }
        };
        engine = new Engine("n3", new Quorum(Map.of("n1", 1, "n2", 1, "n3", 1), false, null), t, timers, storage,
                null, Engine.Settings.DEFAULTS);
        engine.start();
        engine.onView(new ViewInfo(5, List.of("n2", "n3")));
        engine.onMessage("n2", new Msg.JoinRequest(5, 7));
        engine.onMessage("n2", new Msg.Replicate(5, 7, cibWith("current", 3), Map.of(3L, "7/n2")));
    }

    @Test
    void the_current_dc_is_followed_and_its_cib_persisted() {
        assertThat(engine.snapshot().dc()).isEqualTo("n2");
        assertThat(stored.cib().configuration().resource("current")).isPresent();
        assertThat(sent).anyMatch(m -> m instanceof Msg.Ack a && a.term() == 7);
    }

    @Test
    void a_message_of_an_older_view_is_ignored_even_with_a_newer_cib() {
        engine.onMessage("n2", new Msg.Replicate(4, 8, cibWith("stale-view", 9), Map.of()));
        assertThat(engine.snapshot().cib().configuration().resource("stale-view")).isEmpty();
        assertThat(engine.snapshot().term()).isEqualTo(7);
    }

    @Test
    void a_dc_of_an_older_term_is_ignored_in_the_current_view() {
        int before = sent.size();
        engine.onMessage("n2", new Msg.Replicate(5, 6, cibWith("old-term", 9), Map.of()));
        assertThat(engine.snapshot().cib().configuration().resource("old-term")).isEmpty();
        assertThat(sent).hasSize(before);
    }

    @Test
    void a_join_request_of_an_older_term_is_refused_with_the_newer_term() {
        engine.onMessage("n2", new Msg.JoinRequest(5, 6));
        assertThat(sent.get(sent.size() - 1)).isInstanceOfSatisfying(Msg.JoinReply.class, r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.term()).isEqualTo(7);
        });
    }

    @Test
    void a_message_of_a_view_not_yet_installed_waits_for_it() {
        engine.onMessage("n1", new Msg.Replicate(6, 8, cibWith("next-view", 4), Map.of()));
        assertThat(engine.snapshot().cib().configuration().resource("next-view")).isEmpty();
        engine.onView(new ViewInfo(6, List.of("n1", "n2", "n3")));
        assertThat(engine.snapshot().cib().configuration().resource("next-view")).isPresent();
        assertThat(engine.snapshot().dc()).isEqualTo("n1");
    }
}
