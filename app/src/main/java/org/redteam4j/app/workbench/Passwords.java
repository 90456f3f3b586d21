package org.redteam4j.app.workbench;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The password rules and how passwords are stored. A new password has at least {@link #MIN_LENGTH}
 * characters and a zxcvbn score of at least {@link #MIN_SCORE} ("safely unguessable"). Any length
 * is accepted: bcrypt reads only 72 bytes, so a password is pre-hashed with SHA-256 (base64, 44
 * characters) and bcrypt hashes that, every byte of the password counting. Hashes made before
 * this rule (plain bcrypt, no prefix) still verify.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** zxcvbn's scale: 0 too guessable … 3 safely unguessable (under 10^10 guesses) … 4 very unguessable. */
    public static final int MIN_SCORE = 3;
    /** The strength estimate reads this many characters: its cost grows fast with length, and a strong start is enough. */
    static final int MEASURED_LENGTH = 64;
    private static final String PRE_HASHED = "{sha256+bcrypt}";
    private static final int BCRYPT_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    /** Compared with when there is no hash to compare with, so that costs one bcrypt too. */
    private final String dummy = encode(Tokens.random());

    /** What is wrong with {@code password} as a new password for {@code name}, if anything. */
    public Optional<String> weakness(String name, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("a password has at least " + MIN_LENGTH + " characters");
        }
        String measured = password.length() > MEASURED_LENGTH ? password.substring(0, MEASURED_LENGTH) : password;
        Strength estimate = Estimator.ZXCVBN.measure(measured, name == null ? List.of("redteam4j") : List.of(name, "redteam4j"));
        if (estimate.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        String warning = estimate.getFeedback().getWarning();
        return Optional.of("this password is too easy to guess" + (warning == null || warning.isBlank() ? "" : " (" + warning.strip() + ")")
                + "; use a longer one, e.g. four or five unrelated words");
    }

    public String encode(String password) {
        return PRE_HASHED + bcrypt.encode(preHash(password));
    }

    /** Whether {@code password} is the one {@code hash} was made from; a missing hash matches nothing but costs the same. */
    public boolean matches(String password, String hash) {
        String raw = password == null ? "" : password;
        if (hash == null) {
            bcrypt.matches(preHash(raw), dummy.substring(PRE_HASHED.length()));
            return false;
        }
        if (hash.startsWith(PRE_HASHED)) {
            return bcrypt.matches(preHash(raw), hash.substring(PRE_HASHED.length()));
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > BCRYPT_BYTES) {
            return matches(raw, null); // such a password could never be stored the old way
        }
        return bcrypt.matches(raw, hash);
    }

    /** Whether a hash predates pre-hashing; it is replaced at the next login. */
    boolean isOld(String hash) {
        return hash != null && !hash.startsWith(PRE_HASHED);
    }

    /** zxcvbn's dictionaries take about a second to load and never change: loaded once per JVM, on first use. */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    private static String preHash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
