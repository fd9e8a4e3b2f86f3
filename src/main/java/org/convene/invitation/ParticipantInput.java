package org.convene.invitation;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.convene.meeting.ParticipantCategory;

/**
 * Reads what a person typed or a spreadsheet holds for a participant; each problem goes into the
 * errors, keyed by field, in words a person can act on. Blanks around a value are dropped,
 * including the no-break spaces (U+00A0, U+2007, U+202F) that spreadsheets and web pages carry,
 * and zero-width characters are dropped wherever they are (nobody can see or type them).
 */
final class ParticipantInput {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_COUNTRY = 100;
    static final int MAX_LANGUAGE = 50;
    /** One address, the form people use: local part, @, a domain with a dot. No display names, no lists. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern LOCAL_CHAR = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]");
    private static final Pattern DOMAIN_CHAR = Pattern.compile("[A-Za-z0-9.-]");
    /** Zero-width space, non-joiner, joiner, word joiner, byte-order mark / zero-width no-break space, soft hyphen. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    /** The words people write for each category, beside its code and label (compared by {@link #key}). */
    private static final Map<ParticipantCategory, List<String>> CATEGORY_WORDS = categoryWords();

    private ParticipantInput() {
    }

    static String required(String text, String field, String what, Map<String, String> errors) {
        String value = strip(text);
        if (value == null) {
            errors.put(field, "Give the " + what + ".");
        } else if (value.length() > MAX_NAME) {
            errors.put(field, "The " + what + " is " + value.length() + " characters long; at most " + MAX_NAME + " fit.");
        }
        return value;
    }

    /** An optional text of at most {@code max} characters; null when blank. */
    static String optional(String text, String field, String what, int max, Map<String, String> errors) {
        String value = strip(text);
        if (value != null && value.length() > max) {
            errors.put(field, "The " + what + " is " + value.length() + " characters long; at most " + max + " fit.");
        }
        return value;
    }

    /**
     * The category a person wrote: its code ({@code GOV}), its label ({@code Senior government
     * representatives}) or a plain word ({@code government}, {@code international organisation},
     * {@code regional}, {@code NGO}, {@code academic}, {@code expert}), in any case, singular or plural.
     */
    static ParticipantCategory category(String text, Map<String, String> errors) {
        String value = strip(text);
        if (value == null) {
            errors.put("category", "Choose a category: " + categoryChoices() + ".");
            return null;
        }
        Optional<ParticipantCategory> category = category(value);
        if (category.isEmpty()) {
            errors.put("category", "'" + value + "' is not a category: write " + categoryChoices() + ".");
        }
        return category.orElse(null);
    }

    static Optional<ParticipantCategory> category(String text) {
        String key = key(text).replace("organis", "organiz");
        String singular = key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
        return CATEGORY_WORDS.entrySet().stream()
                .filter(e -> e.getValue().contains(key) || e.getValue().contains(singular))
                .map(Map.Entry::getKey).findFirst();
    }

    private static String categoryChoices() {
        return "government, international organization, regional body, NGO, or academic and independent expert";
    }

    /** The title, null when blank; an unknown one is refused naming those accepted. */
    static ParticipantTitle title(String text, Map<String, String> errors) {
        String value = strip(text);
        if (value == null) {
            return null;
        }
        return ParticipantTitle.of(value).orElseGet(() -> {
            errors.put("title", "'" + value + "' is not a title: write " + ParticipantTitle.choices()
                    + ", or leave the title empty.");
            return null;
        });
    }

    /** The role at the meeting, {@link MeetingRole#PARTICIPANT} when blank; an unknown one is refused. */
    static MeetingRole role(String text, Map<String, String> errors) {
        String value = strip(text);
        return MeetingRole.of(value).orElseGet(() -> {
            errors.put("role", "'" + value + "' is not a role at the meeting: write " + MeetingRole.choices() + ".");
            return null;
        });
    }

    /**
     * The address as it is stored and compared: without surrounding blanks (no-break spaces
     * included) or zero-width characters, in lower case.
     */
    static String email(String text, Map<String, String> errors) {
        String email = strip(text);
        if (email == null) {
            errors.put("email", "Give the e-mail address the invitation goes to.");
            return null;
        }
        String problem = emailProblem(email);
        if (problem != null) {
            errors.put("email", "'" + email + "' is not an e-mail address: it " + problem + ".");
            return null;
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** What is wrong with a stripped, non-empty address, as the end of "it …"; null when nothing is. */
    static String emailProblem(String email) {
        if (email.length() > MAX_EMAIL) {
            return "is " + email.length() + " characters long; at most " + MAX_EMAIL + " fit";
        }
        if (email.indexOf(',') >= 0 || email.indexOf(';') >= 0) {
            return "holds more than one address (a comma or semicolon): give one address per participant";
        }
        if (email.indexOf('<') >= 0 || email.indexOf('>') >= 0) {
            return "has a name or angle brackets around it: give the bare address, e.g. name@example.org";
        }
        if (email.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "contains a space";
        }
        int at = email.indexOf('@');
        if (at < 0) {
            return "has no @: write it as name@example.org";
        }
        if (email.indexOf('@', at + 1) >= 0) {
            return "has more than one @";
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.isEmpty()) {
            return "has nothing before the @";
        }
        if (domain.isEmpty()) {
            return "has nothing after the @";
        }
        if (email.endsWith(".")) {
            return "ends with a dot";
        }
        if (email.contains("..")) {
            return "has two dots in a row";
        }
        if (local.startsWith(".") || local.endsWith(".")) {
            return "has a dot right " + (local.startsWith(".") ? "at the start" : "before the @");
        }
        if (domain.startsWith(".")) {
            return "has a dot right after the @";
        }
        Optional<String> odd = email.codePoints().mapToObj(Character::toString)
                .filter(c -> !(LOCAL_CHAR.matcher(c).matches() || c.equals("@")))
                .findFirst()
                .or(() -> domain.codePoints().mapToObj(Character::toString)
                        .filter(c -> !DOMAIN_CHAR.matcher(c).matches()).findFirst());
        if (odd.isPresent()) {
            return "contains '" + odd.get() + "', which an address cannot hold (letters a–z, digits, dots, hyphens"
                    + (domain.contains(odd.get()) ? " after the @" : " and a few signs such as _ and +") + ")";
        }
        if (!domain.contains(".")) {
            return "has no dot in the part after the @ (" + domain + "): a domain looks like example.org";
        }
        if (!EMAIL.matcher(email).matches()) {
            return "has a part of the domain that starts or ends with a hyphen";
        }
        return null;
    }

    /**
     * Blank is absent (null); otherwise the text without zero-width characters and without
     * blanks around it, no-break spaces included.
     */
    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String visible = INVISIBLE.matcher(text).replaceAll("");
        int start = 0;
        int end = visible.length();
        while (start < end && blank(visible.charAt(start))) {
            start++;
        }
        while (end > start && blank(visible.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : visible.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * A word as compared loosely: lower case, without accents and without anything but letters
     * and digits ({@code "Co-Chair"} and {@code "co chair"} are {@code "cochair"}); "" for null.
     */
    static String key(String text) {
        String value = strip(text);
        if (value == null) {
            return "";
        }
        String plain = ACCENTS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static Map<ParticipantCategory, List<String>> categoryWords() {
        Map<ParticipantCategory, List<String>> words = new LinkedHashMap<>();
        words.put(ParticipantCategory.GOV, List.of("government", "governmental", "government representative",
                "senior government representative", "gov", "state", "member state", "ministry"));
        words.put(ParticipantCategory.IO, List.of("international organization", "international organisation", "io",
                "intergovernmental organization", "igo", "un agency", "united nation", "international"));
        words.put(ParticipantCategory.REG, List.of("regional body", "regional bodie", "regional", "regional organization",
                "regional organisation", "reg"));
        words.put(ParticipantCategory.NGO, List.of("ngo", "non-governmental organization", "nongovernmental organization",
                "non-governmental organisation", "civil society", "civil society organization", "cso"));
        words.put(ParticipantCategory.ACA, List.of("aca", "academic", "academia", "academic and independent expert",
                "academics and independent expert", "academics independent expert", "academic expert", "academic or expert",
                "independent expert", "expert", "researcher", "university", "scholar"));
        Map<ParticipantCategory, List<String>> keys = new LinkedHashMap<>();
        words.forEach((category, list) -> {
            List<String> all = new java.util.ArrayList<>(list);
            all.add(category.name());
            all.add(category.label());
            keys.put(category, all.stream().map(ParticipantInput::key).map(k -> k.replace("organis", "organiz"))
                    .map(k -> k.endsWith("s") ? k.substring(0, k.length() - 1) : k).distinct().toList());
        });
        return keys;
    }
}
