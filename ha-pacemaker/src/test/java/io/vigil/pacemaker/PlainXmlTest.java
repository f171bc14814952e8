package io.vigil.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.OperationRecord;
import io.vigil.pacemaker.bench.CibXmlWriter;
import io.vigil.pacemaker.bench.ClusterGenerator;
import io.vigil.pacemaker.bench.GeneratedCluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The plain-XML scanner builds exactly the tree that the general (Aalto) reader builds, or leaves the document to it. */
class PlainXmlTest {

    /**
     * The tree as text: every element with its attributes, position and children, and the operations as records
     * (an operation one reader took straight from the stream and the other kept as an element, for instance
     * because Aalto had trimmed a value, reads as the same record).
     */
    static String dump(XmlElement e) {
        StringBuilder sb = new StringBuilder();
        dump(e, sb, "", new StatusReader(new ImportContext(e), null));
        return sb.toString();
    }

    private static void dump(XmlElement e, StringBuilder sb, String indent, StatusReader reader) {
        sb.append(indent).append(e.getTagName()).append(' ').append(e.where()).append(' ');
        // attributes, compared as pairs
        List<String> attrs = new ArrayList<>();
        for (String name : attributeNames(e)) {
            attrs.add(name + "=" + e.attr(name));
        }
        sb.append(attrs).append('\n');
        List<Object> ops = e.operations() == null ? List.of() : e.operations();
        for (Object op : ops) {
            OperationRecord r = op instanceof OperationRecord record ? record : reader.operation((XmlElement) op);
            sb.append(indent).append("  op ").append(r).append('\n');
        }
        for (XmlElement c : e.children()) {
            if (ops.stream().noneMatch(op -> op == c)) {
                dump(c, sb, indent + "  ", reader);
            }
        }
    }

    private static List<String> attributeNames(XmlElement e) {
        return e.attributeNames();
    }

    private static XmlElement general(byte[] bytes) {
        return CibXml.parseGeneral(new ByteArrayInputStream(bytes), "test");
    }

    @Test
    void every_conformance_cib_gives_the_same_tree_as_the_general_reader() throws IOException {
        Path cases = Corpus.require();
        List<Path> files;
        try (Stream<Path> s = Files.walk(cases)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int plain = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            XmlElement fast = PlainXml.parse(bytes);
            if (fast != null) {
                plain++;
                assertThat(dump(fast)).as(f.toString()).isEqualTo(dump(general(bytes)));
            }
        }
        assertThat(plain).as("plain documents").isGreaterThan(files.size() * 9 / 10);
    }

    @Test
    void a_generated_cluster_with_history_gives_the_same_tree_as_the_general_reader() {
        GeneratedCluster c = ClusterGenerator.generate(4, 60, 7);
        StringWriter w = new StringWriter();
        CibXmlWriter.write(c.configuration(), c.nodeFailure(), c.now(), w);
        byte[] bytes = w.toString().getBytes(StandardCharsets.UTF_8);

        XmlElement fast = PlainXml.parse(bytes);

        assertThat(fast).isNotNull();
        assertThat(dump(fast)).isEqualTo(dump(general(bytes))).contains("  op OperationRecord[");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\"?>\n\n  <a/>", "\n  <!-- c -->\n<a/>", "<?xml version=\"1.0\"?>\n<!-- c -->\n<a><!-- d -->\n<b/></a>",
        "<a x=\"1&amp;2&lt;&#65;&#x42;\" y='\t\r\nz'><b/>text &gt; more<!-- c --></a>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<a>\r\n  <b\r\n   c=\"d\"/>\r<e f=\"g\r\nh\"/></a>\n<!-- after -->\n",
        "<lrm_resources><lrm_resource id=\"r\"><lrm_rsc_op id=\"o\" operation=\"start\" call-id=\"1\"/>"
            + "<lrm_rsc_op id=\"p\" operation=\" stop\" interval=\" 0\"><x/></lrm_rsc_op>"
            + "<lrm_rsc_op id=\"q\" operation=\"monitor\" interval=\"1000\" call-id=\"3\" rc-code=\"0\" op-status=\"0\""
            + " last-run=\"5\" exec-time=\"2\" transition-key=\"1:2:0:u\"><y z=\"1\"/></lrm_rsc_op></lrm_resource></lrm_resources>"})
    void references_line_breaks_and_operations_read_the_same(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);

        XmlElement fast = PlainXml.parse(bytes);

        assertThat(fast).isNotNull();
        assertThat(dump(fast)).isEqualTo(dump(general(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE a><a/>", "<a><![CDATA[x]]></a>", "<a><?pi x?></a>", "<a x=\"\u00e9\"/>", "<a>\u00e9</a>",
        "<a x=\"&nbsp;\"/>", "<a x=\"1\" x=\"2\"/>", "<a x=\"1\"y=\"2\"/>", "<a><b></a>", "<a>", "<a/><b/>", "",
        "<a x=\"<\"/>", "<a>]]></a>", "<a><!-- -- --></a>", "<?xml version=\"1.1\"?><a/>", "\uFEFF<a/>",
        "<a x=\"\u0001\"/>", "<a>&#0;</a>", "<a>&#233;</a>", "<1a/>"})
    void anything_outside_plain_xml_is_left_to_the_general_reader(String xml) {
        assertThat(PlainXml.parse(xml.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void malformed_xml_is_still_reported_by_the_general_reader_with_line_and_column() {
        assertThat(Arrays.asList(CibImporterTest.class.getDeclaredMethods())).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CibImporter.importXml("<cib>\n  <configuration>\n</cib>"))
                .isInstanceOf(CibImportException.class)
                .hasMessageContaining("malformed XML at line 3");
    }
}
