package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTableTest {

    @Test
    void readsRowsAfterCommentsAndTheHeader() {
        List<String[]> rows = ResourceTable.parse("t.tsv", List.of("# note", "id\ttext", "", "a\tone", "b\ttwo"), "id", "text");

        assertThat(rows).extracting(cells -> cells[0] + "=" + cells[1]).containsExactly("a=one", "b=two");
    }

    @Test
    void rowsNeedNoUniqueFirstCellAndSayWhereTheyAre() {
        List<ResourceTable.Row> rows = ResourceTable.rows("t.tsv", List.of("tag\tseed", "A\tone", "A\ttwo"), "tag", "seed");

        assertThat(rows).extracting(ResourceTable.Row::where).containsExactly("t.tsv: line 2: ", "t.tsv: line 3: ");
        assertThat(rows).extracting(row -> row.cell(1)).containsExactly("one", "two");
    }

    @Test
    void aMalformedTableFailsNamingItsLine() {
        assertThatThrownBy(() -> ResourceTable.parse("t.tsv", List.of("id\tname"), "id", "text"))
                .hasMessage("t.tsv: line 1: expected the header id, text");
        assertThatThrownBy(() -> ResourceTable.parse("t.tsv", List.of("id\ttext", "a\tone\textra"), "id", "text"))
                .hasMessageContaining("line 2: expected 2 tab-separated cells (id, text), got 3");
        assertThatThrownBy(() -> ResourceTable.parse("t.tsv", List.of("id\ttext", "a\tone", "a\ttwo"), "id", "text"))
                .hasMessageContaining("line 3: id 'a' is used twice");
        assertThatThrownBy(() -> ResourceTable.parse("t.tsv", List.of("id\ttext", "a\t "), "id", "text"))
                .hasMessageContaining("line 2: the text cell is empty");
    }
}
