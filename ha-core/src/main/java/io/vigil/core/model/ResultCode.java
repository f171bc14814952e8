package io.vigil.core.model;

/**
 * Result codes of agent operations: the OCF codes 0–9, plus Vigil's own for an operation that timed out or
 * was cancelled (in Pacemaker's reserved range 150–199).
 */
public enum ResultCode {
    /** 0: success (for monitor: running). */
    OK(0),
    /** 1: generic error. */
    ERR_GENERIC(1),
    /** 2: invalid parameter (hard error: not on this node). */
    ERR_ARGS(2),
    /** 3: unimplemented action. */
    ERR_UNIMPLEMENTED(3),
    /** 4: insufficient privilege (hard error). */
    ERR_PERM(4),
    /** 5: not installed (hard error). */
    ERR_INSTALLED(5),
    /** 6: not configured (fatal: not anywhere). */
    ERR_CONFIGURED(6),
    /** 7: not running (for a probe: not a failure). */
    NOT_RUNNING(7),
    /** 8: running as promoted. */
    RUNNING_PROMOTED(8),
    /** 9: failed while promoted. */
    FAILED_PROMOTED(9),
    /** 198 (Vigil): the operation did not finish within its timeout. */
    TIMEOUT(198),
    /** 199 (Vigil): the operation was cancelled before it finished. */
    CANCELLED(199);

    private final int code;

    ResultCode(int code) {
        this.code = code;
    }

    /** The numeric code. */
    public int code() {
        return code;
    }

    /**
     * The constant for a numeric code.
     *
     * @throws IllegalArgumentException for a code Vigil does not know
     */
    public static ResultCode of(int code) {
        for (ResultCode r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown result code " + code);
    }
}
