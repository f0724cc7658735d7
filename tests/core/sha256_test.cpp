#include <doctest/doctest.h>

#include <string>

#include "core/util/sha256.hpp"

using namespace isms;

TEST_CASE("sha256: the test vectors of FIPS 180-4") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: adding in pieces gives the digest of the whole, across block boundaries") {
  const std::string text(200, 'x');
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{55}, std::size_t{56}, std::size_t{64},
                          std::size_t{119}, std::size_t{200}}) {
    CAPTURE(cut);
    Sha256 pieces;
    pieces.add(std::string_view(text).substr(0, cut));
    pieces.add(std::string_view(text).substr(cut));
    Sha256 whole;
    whole.add(text);
    CHECK(pieces.finish() == whole.finish());
  }
}
