#include <doctest/doctest.h>

#include <string>

#include "core/util/base64.hpp"

using namespace isms;

TEST_CASE("base64: RFC 4648 test vectors, and decoding gives back the bytes") {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [bytes, text] : vectors) {
    CAPTURE(bytes);
    CHECK(base64_encode(bytes) == text);
    CHECK(base64_decode(text) == std::optional<std::string>(bytes));
  }
  CHECK_FALSE(base64_decode("Zm9").has_value());   // not a multiple of 4
  CHECK_FALSE(base64_decode("Zh==").has_value());  // unused bits set: a second encoding of "f"
  CHECK_FALSE(base64_decode("Zm 9").has_value());
}
