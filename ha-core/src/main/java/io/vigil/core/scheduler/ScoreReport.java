package io.vigil.core.scheduler;

import io.vigil.core.model.Score;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link SchedulerResult#scores()}: resource id -> node -> {@link ScoreDetail}, built on first access from the
 * scheduler's final score arrays and recorded contributions. Most callers never read the scores (Pacemaker
 * computes them only for {@code crm_simulate -s}), and building a detail with reason texts for every resource on
 * every node is a large share of a run's time and garbage. Unmodifiable and safe to share between threads; once
 * built it holds only the report itself.
 */
final class ScoreReport extends AbstractMap<String, Map<String, ScoreDetail>> {
    /** What one resource's report is built from; the arrays are no longer changed once the run is over. */
    private record Source(String id, int[] scores, ScoreReasons reasons) {
    }

    private String[] nodeNames;
    private List<Source> sources;
    private volatile Map<String, Map<String, ScoreDetail>> built;

    ScoreReport(List<SchedNode> nodes, List<Rsc> reported) {
        String[] names = new String[nodes.size()];
        for (SchedNode n : nodes) {
            names[n.index] = n.name;
        }
        this.nodeNames = names;
        List<Source> s = new java.util.ArrayList<>(reported.size());
        for (Rsc r : reported) {
            s.add(new Source(r.id, r.scores, r.recordedReasons()));
        }
        this.sources = s;
    }

    private Map<String, Map<String, ScoreDetail>> report() {
        Map<String, Map<String, ScoreDetail>> m = built;
        if (m == null) {
            synchronized (this) {
                m = built;
                if (m == null) {
                    m = build();
                    built = m;
                    nodeNames = null;
                    sources = null;
                }
            }
        }
        return m;
    }

    private Map<String, Map<String, ScoreDetail>> build() {
        Map<String, Map<String, ScoreDetail>> scores = new java.util.HashMap<>();
        for (Source r : sources) {
            Map<String, ScoreDetail> perNode = new LinkedHashMap<>();
            List<String>[] texts = r.reasons() == null ? null : r.reasons().textsByNode(nodeNames.length);
            for (int n = 0; n < nodeNames.length; n++) {
                int s = r.scores()[n];
                List<String> why = texts == null ? null : texts[n];
                if (s == Rsc.UNSET) {
                    perNode.put(nodeNames[n], new ScoreDetail(Score.MINUS_INFINITY,
                            why == null ? List.of("not allowed (symmetric-cluster=false)") : why));
                } else if (s != 0 || why != null) {
                    perNode.put(nodeNames[n], new ScoreDetail(s, why == null ? List.of() : why));
                }
            }
            if (!perNode.isEmpty()) {
                scores.put(r.id(), perNode);
            }
        }
        return Map.copyOf(scores);
    }

    @Override
    public Set<Entry<String, Map<String, ScoreDetail>>> entrySet() {
        return report().entrySet();
    }

    @Override
    public Map<String, ScoreDetail> get(Object key) {
        return report().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return report().containsKey(key);
    }

    @Override
    public int size() {
        return report().size();
    }

    @Override
    public boolean equals(Object o) {
        return report().equals(o);
    }

    @Override
    public int hashCode() {
        return report().hashCode();
    }

    @Override
    public String toString() {
        return report().toString();
    }
}
