package io.vigil.core.model;

import java.util.List;

/**
 * The parameter digests recorded with an operation ({@code lrm_rsc_op}'s {@code op-digest},
 * {@code op-restart-digest}, {@code op-force-restart}, {@code op-secure-digest}, {@code op-secure-params},
 * {@code crm_feature_set}): fingerprints of the parameters the operation ran with. The scheduler compares them with
 * the resource's current definition to restart, reload or reschedule what runs with outdated parameters (see
 * docs/scheduler.md, "Definition changes"). Each digest is Pacemaker's: the MD5 (lower-case hex) of the parameters
 * written as one XML element with sorted attributes.
 *
 * @param all               digest of every parameter the operation ran with ({@code op-digest}); null if not
 *                          recorded
 * @param restart           digest of only the parameters whose change needs a restart ({@code op-restart-digest},
 *                          recorded for agents that can reload); null if not recorded (then any change restarts)
 * @param restartParameters the parameters {@code restart} covers ({@code op-force-restart}); null if not recorded
 *                          (then {@code restart} covers every parameter)
 * @param secure            digest of the parameters without the private ones ({@code op-secure-digest}); null if
 *                          not recorded
 * @param secureParameters  the private parameters left out of {@code secure} ({@code op-secure-params}); null if not
 *                          recorded
 * @param featureSet        the feature set of the node that recorded them ({@code crm_feature_set}, e.g.
 *                          {@code 3.0.14}; older ones digest private parameters differently); null if unknown
 */
public record ParameterDigests(String all, String restart, List<String> restartParameters, String secure,
                               List<String> secureParameters, String featureSet) {
    /** Copies the lists; every component may be null. */
    public ParameterDigests {
        restartParameters = restartParameters == null ? null : List.copyOf(restartParameters);
        secureParameters = secureParameters == null ? null : List.copyOf(secureParameters);
    }

    /** Only the digest of every parameter ({@code op-digest}), as recorded by an agent that cannot reload. */
    public static ParameterDigests of(String all) {
        return new ParameterDigests(all, null, null, null, null, null);
    }
}
