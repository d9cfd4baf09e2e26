#include "workspace/alias.h"

#include "yaml/yaml_tree.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pops;

namespace {

std::vector<std::string> split(std::string_view text)
{
  std::vector<std::string> words;
  std::string err;
  size_t at = 0;
  REQUIRE(split_words(text, words, err, at));
  return words;
}

struct Read {
  std::vector<Alias> aliases;
  std::vector<Finding> findings;
};

Read read(const std::string& yaml)
{
  YamlDoc doc = parse_yaml(yaml);
  REQUIRE(doc.ok);
  Read r;
  SchemaReader reader("pops.yaml", r.findings);
  r.aliases = read_aliases(*doc.root.get("aliases"), reader);
  return r;
}

}  // namespace

TEST_CASE("split_words: blanks, quotes and escapes like a shell, nothing expanded")
{
  CHECK(split("roadmap --horizon now") == std::vector<std::string>{"roadmap", "--horizon", "now"});
  CHECK(split("  a\t b  ") == std::vector<std::string>{"a", "b"});
  CHECK(split("x 'two words' \"and $HOME\" it\\'s") == std::vector<std::string>{"x", "two words", "and $HOME", "it's"});
  CHECK(split("a''b \"\"") == std::vector<std::string>{"ab", ""});
  CHECK(split("\"say \\\"hi\\\" \\\\ \\n\"") == std::vector<std::string>{"say \"hi\" \\ \\n"});
  CHECK(split("").empty());

  std::vector<std::string> words;
  std::string err;
  size_t at = 0;
  CHECK_FALSE(split_words("roadmap --squad 'pay", words, err, at));
  CHECK(err == "unterminated single quote");
  CHECK(at == 16);
  CHECK_FALSE(split_words("a \"b", words, err, at));
  CHECK(err == "unterminated double quote");
  CHECK(at == 2);
}

TEST_CASE("is_alias_name")
{
  CHECK(is_alias_name("now"));
  CHECK(is_alias_name("my-view_2"));
  CHECK_FALSE(is_alias_name(""));
  CHECK_FALSE(is_alias_name("-x"));
  CHECK_FALSE(is_alias_name("Now"));
  CHECK_FALSE(is_alias_name("a b"));
  CHECK_FALSE(is_alias_name(std::string(65, 'a')));
}

TEST_CASE("read_aliases: strings and lists; each problem located")
{
  Read r = read("aliases:\n"
                "  now: roadmap --horizon now\n"
                "  mine: [roadmap, --owner, alice]\n"
                "  Bad: check\n"
                "  empty: ''\n"
                "  open: roadmap 'x\n"
                "  opt: -q check\n"
                "  map: {a: b}\n"
                "  nested: [roadmap, [x]]\n"
                "  bang: '!ls'\n");
  REQUIRE(r.aliases.size() == 2);
  CHECK(r.aliases[0].name.value == "now");
  CHECK(r.aliases[0].words == std::vector<std::string>{"roadmap", "--horizon", "now"});
  CHECK(r.aliases[1].words == std::vector<std::string>{"roadmap", "--owner", "alice"});
  REQUIRE(r.findings.size() == 7);
  CHECK(r.findings[0].loc.line == 4);
  CHECK(r.findings[0].message.find("alias name 'Bad'") == 0);
  CHECK(r.findings[1].message == "alias 'empty' is empty; expected a command line, e.g. 'roadmap --horizon now'");
  CHECK(r.findings[2].message.find("alias 'open': unterminated single quote") == 0);
  CHECK(r.findings[2].loc.line == 6);
  CHECK(r.findings[2].loc.column == 17);
  CHECK(r.findings[3].message == "alias 'opt' must start with a command, found the option '-q'");
  CHECK(r.findings[4].message.find("alias 'map' must be a command line") == 0);
  CHECK(r.findings[5].message == "alias 'nested': each word must be a string, found a list");
  CHECK(r.findings[6].message.find("shell aliases ('!...') are not supported") != std::string::npos);
  for (const auto& f : r.findings) {
    CHECK(f.rule == "schema");
    CHECK(f.file == "pops.yaml");
  }
}

TEST_CASE("check_alias_names: an alias may not take a built-in command's name")
{
  YamlDoc doc = parse_yaml("aliases:\n  roadmap: roadmap --all\n  now: roadmap\n");
  std::vector<Finding> out;
  const std::vector<std::string> builtins{"check", "roadmap"};
  check_alias_names(*doc.root.get("aliases"), builtins, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].loc.line == 2);
  CHECK(out[0].loc.column == 3);
  CHECK(out[0].message.find("alias 'roadmap' is the name of a built-in command") == 0);
}
