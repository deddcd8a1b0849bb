package org.prisonwatch.burmese;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A write's input with every text typed in Zawgyi converted to Unicode, wherever it sits (a title, a name in a
 * list, a citation's note), and the originals of what conversion changed.
 *
 * @param input what is stored: Unicode throughout
 * @param originals the texts as typed, by the pointer of their conversion
 */
public record UnicodeInput<I>(I input, ZawgyiOriginals originals) {

    /** Fields kept as typed: a link points where it was typed, whatever script its path is in. */
    private static final Set<String> AS_TYPED = Set.of("url");

    public static <I> UnicodeInput<I> of(ObjectMapper mapper, I input, Class<I> type) {
        JsonNode tree = mapper.valueToTree(input);
        SortedMap<String, String> originals = new TreeMap<>();
        convert(tree, "", originals);
        return originals.isEmpty() ? new UnicodeInput<>(input, ZawgyiOriginals.none())
                : new UnicodeInput<>(mapper.convertValue(tree, type), ZawgyiOriginals.of(originals));
    }

    /** The same originals over an input derived from this one by changes that convert nothing. */
    public UnicodeInput<I> with(UnaryOperator<I> change) {
        return new UnicodeInput<>(change.apply(input), originals);
    }

    private static void convert(JsonNode node, String pointer, SortedMap<String, String> originals) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode value = field.getValue();
                if (AS_TYPED.contains(field.getKey())) {
                    continue;
                }
                String unicode = converted(value, at, originals);
                if (unicode != null) {
                    field.setValue(TextNode.valueOf(unicode));
                } else {
                    convert(value, at, originals);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = pointer + "/" + i;
                String unicode = converted(array.get(i), at, originals);
                if (unicode != null) {
                    array.set(i, TextNode.valueOf(unicode));
                } else {
                    convert(array.get(i), at, originals);
                }
            }
        }
    }

    /** The Unicode of a text node that held Zawgyi, its original noted; null for anything else. */
    private static String converted(JsonNode node, String pointer, SortedMap<String, String> originals) {
        if (!node.isTextual()) {
            return null;
        }
        String typed = node.textValue();
        String unicode = Zawgyi.toUnicode(typed);
        if (unicode.equals(typed)) {
            return null;
        }
        originals.put(pointer, typed);
        return unicode;
    }
}
