package org.convene.document;

import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * The direction a text prints in: right to left when its first strong character is (the rule of
 * HTML's {@code dir="auto"}), so an Arabic paragraph reads right to left while a Latin one with an
 * Arabic name in it stays left to right.
 */
final class TextDirection {

    private TextDirection() {
    }

    /** True when the first character with a strong direction is right to left; false for none. */
    static boolean rightToLeft(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                    return true;
                }
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                    return false;
                }
                default -> i += Character.charCount(codePoint);
            }
        }
        return false;
    }

    /** The literal text under a Markdown node (text and code), in reading order. */
    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        collect(node, text);
        return text.toString();
    }

    private static void collect(Node node, StringBuilder text) {
        if (node instanceof Text literal) {
            text.append(literal.getLiteral());
        } else if (node instanceof Code code) {
            text.append(code.getLiteral());
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, text);
        }
    }
}
