// Streaming pieces add up to the final text: half-decoded characters and possible starts of stop
// strings are held back, stop strings end the text as vLLM ends it.
#include "serve/completion_text.h"

#include <doctest/doctest.h>

using migician::serve::CompletionText;

TEST_CASE("text: pieces are the growth of the text")
{
    CompletionText text;
    CHECK(text.advance("Hel") == "Hel");
    CHECK(text.advance("Hello") == "lo");
    CHECK(text.advance("Hello") == "");
    CHECK(text.finish("Hello world") == " world");
    CHECK(text.text() == "Hello world");
    CHECK_FALSE(text.stopped());
}

TEST_CASE("text: a trailing replacement character waits for the rest of its character")
{
    CompletionText text;
    // "你" is E4 BD A0; the first token decodes to U+FFFD until the character is complete.
    CHECK(text.advance("a\xEF\xBF\xBD") == "a");
    CHECK(text.advance("a\xE4\xBD\xA0") == "\xE4\xBD\xA0");
    // One that never completes is sent at the end.
    CHECK(text.advance("a\xE4\xBD\xA0\xEF\xBF\xBD") == "");
    CHECK(text.finish("a\xE4\xBD\xA0\xEF\xBF\xBD") == "\xEF\xBF\xBD");
    CHECK(text.text() == "a\xE4\xBD\xA0\xEF\xBF\xBD");
}

TEST_CASE("text: stop strings end the text, the start of one is held back")
{
    CompletionText text({"<END>", "###"}, false);
    CHECK(text.advance("The box <E") == "The box ");
    CHECK(text.advance("The box <EN") == "");
    CHECK(text.advance("The box <ENX") == "<ENX");
    CHECK(text.advance("The box <ENX a#") == " a");
    CHECK(text.advance("The box <ENX a## b<END> more") == "## b");
    CHECK(text.stopped());
    CHECK(text.matchedStop() == "<END>");
    CHECK(text.advance("The box <ENX a## b<END> more and more") == "");
    CHECK(text.finish("The box <ENX a## b<END> more and more") == "");
    CHECK(text.text() == "The box <ENX a## b");
}

TEST_CASE("text: include_stop_str_in_output keeps the stop string; the earliest match wins")
{
    CompletionText text({"b", "a"}, true);
    CHECK(text.finish("xxabx") == "xxa");
    CHECK(text.matchedStop() == "a");
    CompletionText atEnd({"<|box_end|>"}, true);
    CHECK(atEnd.advance("(1,2),(3,4)<|box_") == "(1,2),(3,4)");
    CHECK(atEnd.advance("(1,2),(3,4)<|box_end|>") == "<|box_end|>");
    CHECK(atEnd.text() == "(1,2),(3,4)<|box_end|>");
}
