package io.echain.shared;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Amounts in wei travel as decimal strings in JSON so no precision is lost; the platform accepts
 * 0..10^30 wei.
 */
public final class Wei {

    public static final BigInteger MAX = BigInteger.TEN.pow(30);
    public static final String RULE = "must be a whole number of wei between 0 and 10^30, written as a decimal string";
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,31}$");

    private Wei() {}

    public static boolean isValid(String value) {
        return value != null && DIGITS.matcher(value).matches() && new BigInteger(value).compareTo(MAX) <= 0;
    }

    public static BigInteger parse(String value) {
        return new BigInteger(value);
    }
}
