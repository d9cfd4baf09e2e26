#include "cache/check_cache.h"
#include "check/report.h"
#include "features/sample.h"
#include "workspace/workspace.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "cache/cache_bytes.h"

#include <filesystem>
#include <set>
#include <fstream>
#include <unistd.h>

using namespace pops;
namespace fs = std::filesystem;

namespace {

const Date k_today = *parse_date("2026-11-22");

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const fs::path& p, std::string_view s)
{
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

/// The sample workspace written to a fresh folder, with a cache folder next to it.
struct Sample {
  fs::path root, cache;
  Sample()
  {
    static int n = 0;
    fs::path base = fs::temp_directory_path() / fmt::format("pops-cache-{}-{}", ::getpid(), n++);
    fs::remove_all(base);
    root = base / "ws";
    cache = base / "cache";
    for (const auto& [path, content] : sample_final_files(k_today)) {
      spit(root / path, content);
    }
    // Findings of every kind: schema, references, syntax, dates.
    spit(root / "roadmap/zz-bad.yaml", "items:\n  - id: ZZ-1\n    title: Bad\n    status: nowhere\n"
                                       "    depends_on: [ZZ-404]\n    target: 2020-01-01\n");
    spit(root / "feedback/zz-bad.yaml", "entries: [\n");
  }
  ~Sample() { fs::remove_all(root.parent_path()); }
};

/// The check without any cache, as JSON (every field of every finding).
std::string uncached(const fs::path& root, const std::vector<std::string>& paths = {})
{
  Workspace ws = load_worktree(root.string());
  CheckOptions o;
  o.today = k_today;
  o.paths = paths;
  return render_json(check_workspace(ws, o));
}

std::string cached(const Sample& s, CacheStats* stats = nullptr, const std::string& build = pops_build_id(),
                   const std::vector<std::string>& paths = {})
{
  CheckCache cache(s.cache.string(), s.root.string(), build);
  CheckRequest req;
  req.today = k_today;
  req.paths = paths;
  std::string out = render_json(check_cached(s.root.string(), req, nullptr, cache));
  if (stats) {
    *stats = cache.stats();
  }
  return out;
}

std::vector<std::pair<std::string, FilePart>> sample_parts()
{
  std::vector<std::pair<std::string, FilePart>> out;
  auto files = sample_final_files(k_today);
  std::shared_ptr<const ParsedFile> cfg;
  for (const auto& [path, content] : files) {
    if (path == "pops.yaml") {
      cfg = parse_file(content, FileKind::config);
    }
  }
  ConfigPart config = read_config_part(cfg.get());
  for (const auto& [path, content] : files) {
    if (classify(path) != FileKind::none) {
      out.emplace_back(path, build_file_part(config.config, path, *parse_file(content, classify(path))));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("parts survive encoding byte for byte, and malformed bytes are refused")
{
  auto parts = sample_parts();
  REQUIRE(parts.size() > 10);
  size_t items = 0;
  for (const auto& [path, part] : parts) {
    const std::string bytes = encode_part(part);
    FilePart back;
    REQUIRE(decode_part(bytes, back));
    CHECK(encode_part(back) == bytes);
    items += back.items.size() + back.feedback.size() + back.docs.size() + back.notes.size();
    // Every truncation is refused, never a crash.
    for (size_t n = 0; n < bytes.size(); n += std::max<size_t>(1, bytes.size() / 97)) {
      FilePart cut;
      CHECK_FALSE(decode_part(std::string_view(bytes).substr(0, n), cut));
    }
    CHECK_FALSE(decode_part(bytes + "x", back));
  }
  CHECK(items > 20);
}

TEST_CASE("cache files: stale, foreign, truncated and corrupt ones are refused")
{
  const std::string payload = "some payload \x01\x02 bytes";
  const std::string f = encode_cache_file("parts", "build 1", "/ws/a", payload);
  REQUIRE(decode_cache_file(f, "parts", "build 1", "/ws/a").has_value());
  CHECK(*decode_cache_file(f, "parts", "build 1", "/ws/a") == payload);
  CHECK_FALSE(decode_cache_file(f, "parts", "build 2", "/ws/a"));  // stale: another build
  CHECK_FALSE(decode_cache_file(f, "parts", "build 1", "/ws/b"));  // foreign: another workspace
  CHECK_FALSE(decode_cache_file(f, "stat", "build 1", "/ws/a"));   // another kind of file
  CHECK_FALSE(decode_cache_file(f + "x", "parts", "build 1", "/ws/a"));
  for (size_t n = 0; n < f.size(); ++n) {
    CHECK_FALSE(decode_cache_file(f.substr(0, n), "parts", "build 1", "/ws/a"));  // truncated
    std::string flipped = f;
    flipped[n] = static_cast<char>(flipped[n] ^ 0x20);
    CHECK_FALSE(decode_cache_file(flipped, "parts", "build 1", "/ws/a"));  // corrupt
  }
  CHECK_FALSE(decode_cache_file("", "parts", "build 1", "/ws/a"));
}

TEST_CASE("the assembled workspace checks like the one loaded in one go")
{
  Sample s;
  const std::string want = uncached(s.root);
  CHECK(want.find("\"rule\"") != std::string::npos);  // the sample has findings: a meaningful comparison
  CacheStats st;
  CHECK(cached(s, &st) == want);
  CHECK(st.parsed > 10);
  CHECK_FALSE(st.result_hit);
  CHECK(cached(s, &st) == want);
  CHECK(st.result_hit);
  // With paths: restricted from the cached full result.
  CHECK(cached(s, &st, pops_build_id(), {"roadmap"}) == uncached(s.root, {"roadmap"}));
  CHECK(st.result_hit);
}

TEST_CASE("a changed file is parsed again, the others are read back")
{
  Sample s;
  (void)cached(s);
  fs::path changed;
  for (const auto& e : fs::directory_iterator(s.root / "roadmap")) {
    changed = e.path();
  }
  std::string text = slurp(changed);
  text += "  - id: NOPE-1\n    title: Bad\n    status: nowhere\n";
  spit(changed, text);
  CacheStats st;
  CHECK(cached(s, &st) == uncached(s.root));
  CHECK(st.parsed == 1);
  CHECK(st.hashed >= 1);
  CHECK(st.reused > 10);
  CHECK_FALSE(st.result_hit);
  // pops.yaml changed: every part is built again.
  spit(s.root / "pops.yaml", slurp(s.root / "pops.yaml") + "\n# a comment\n");
  CHECK(cached(s, &st) == uncached(s.root));
  CHECK(st.parsed > 10);
}

TEST_CASE("corrupt, truncated, foreign and stale cache files are ignored and replaced")
{
  Sample s;
  const std::string want = uncached(s.root);
  (void)cached(s);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(s.cache)) {
    files.push_back(e.path());
  }
  REQUIRE(files.size() == 3);  // stat index, parts, result
  CacheStats st;
  for (int damage = 0; damage < 4; ++damage) {
    for (const auto& f : files) {
      std::string b = slurp(f);
      switch (damage) {
      case 0:
        b.resize(b.size() / 2);
        break;  // truncated
      case 1:
        b[b.size() - 5] = static_cast<char>(b[b.size() - 5] ^ 1);
        break;  // a bit flipped
      case 2:
        b = "garbage";
        break;
      default:
        b.clear();
        break;
      }
      spit(f, b);
    }
    CHECK(cached(s, &st) == want);
    CHECK_FALSE(st.result_hit);
    CHECK(st.reused == 0);  // no part came from the damaged cache
    CHECK(cached(s, &st) == want);
    CHECK(st.result_hit);  // written again
  }
  // Stale: another build of pops ignores this one's files.
  CHECK(cached(s, &st, "another build") == want);
  CHECK_FALSE(st.result_hit);
  CHECK(st.reused == 0);
  // Foreign: the files of another workspace under this one's names.
  Sample other;
  (void)cached(other);
  for (const auto& e : fs::directory_iterator(other.cache)) {
    for (const auto& f : files) {
      if (f.extension() == e.path().extension()) {
        fs::copy_file(e.path(), f, fs::copy_options::overwrite_existing);
      }
    }
  }
  CHECK(cached(s, &st) == want);
  CHECK_FALSE(st.result_hit);
  CHECK(st.reused == 0);
}

TEST_CASE("new parts go beside the parts file; a damaged file of new parts is ignored")
{
  Sample s;
  (void)cached(s);
  // A small file changes: its new part is written to the file of new parts.
  fs::path note;
  for (const auto& e : fs::recursive_directory_iterator(s.root / "rituals")) {
    if (e.is_regular_file() && e.path().extension() == ".md" && e.path().filename() != "README.md") {
      note = e.path();
    }
  }
  REQUIRE_FALSE(note.empty());
  spit(note, slurp(note) + "\n## Added later\n");
  CacheStats st;
  CHECK(cached(s, &st) == uncached(s.root));
  CHECK(st.parsed == 1);
  fs::path added;
  for (const auto& e : fs::directory_iterator(s.cache)) {
    if (e.path().extension() == ".parts-new") {
      added = e.path();
    }
  }
  REQUIRE_FALSE(added.empty());
  // Read back from it: nothing parsed; then damaged: parsed again, same result.
  spit(note, slurp(note) + "\n## And again\n");
  CHECK(cached(s, &st) == uncached(s.root));
  spit(note, slurp(note).substr(0, slurp(note).size() - std::string("\n## And again\n").size()));
  CHECK(cached(s, &st) == uncached(s.root));
  CHECK(st.parsed == 0);  // the earlier version's part is in the file of new parts
  std::string b = slurp(added);
  b[b.size() / 2] = static_cast<char>(b[b.size() / 2] ^ 4);
  spit(added, b);
  spit(note, slurp(note) + "x");
  CHECK(cached(s, &st) == uncached(s.root));
  CHECK(st.parsed == 1);
}

TEST_CASE("encode_part_of one element is encode_part of a part holding it")
{
  pops::Item it;
  it.file = "roadmap/a.yaml";
  it.id.value = "PAY-1";
  it.id.set = true;
  it.title.value = "Refunds";
  it.tags.push_back(it.title);
  pops::FilePart a;
  a.items.push_back(it);
  CHECK(pops::encode_part_of(it) == pops::encode_part(a));
  pops::Feedback fb;
  fb.id.value = "FB-1";
  fb.items.push_back(it.id);
  pops::FilePart b;
  b.feedback.push_back(fb);
  CHECK(pops::encode_part_of(fb) == pops::encode_part(b));
  pops::Doc d;
  d.file = "docs/a.md";
  d.items.push_back(it.id);
  pops::FilePart c;
  c.docs.push_back(d);
  CHECK(pops::encode_part_of(d) == pops::encode_part(c));
}

TEST_CASE("content_hash: every byte counts, whatever the length")
{
  CHECK(content_hash("status: planned") != content_hash("STATUS: planned"));
  CHECK_FALSE(content_hash128("status: planned") == content_hash128("STATUS: planned"));
  CHECK(content_hash("status: planned", 1) != content_hash("status: planned", 2));
  for (size_t len = 0; len <= 64; ++len) {
    std::string base(len, 'a');
    for (size_t i = 0; i < len; ++i) {
      base[i] = static_cast<char>('a' + (i * 7) % 26);
    }
    std::set<uint64_t> seen{content_hash(base)};
    std::set<std::pair<uint64_t, uint64_t>> seen128;
    const auto key128 = [](const std::string& v) {
      const Key128 k = content_hash128(v);
      return std::make_pair(k.low, k.high);
    };
    seen128.insert(key128(base));
    for (size_t pos = 0; pos < len; ++pos) {
      for (const char c : {'\0', 'Z', static_cast<char>(base[pos] ^ 1), static_cast<char>(base[pos] ^ 0x80)}) {
        std::string other = base;
        other[pos] = c;
        if (other == base) {
          continue;
        }
        INFO("length " << len << ", byte " << pos);
        CHECK(seen.insert(content_hash(other)).second);
        CHECK(seen128.insert(key128(other)).second);
      }
    }
    // A length differs from its prefix and from the same bytes with one more.
    CHECK(seen.insert(content_hash(base + 'a')).second);
  }
}

TEST_CASE("a cache file of the previous format is ignored")
{
  const std::string payload = "some payload bytes";
  const std::string now = encode_cache_file("parts", "build 1", "/ws/a", payload);
  REQUIRE(decode_cache_file(now, "parts", "build 1", "/ws/a").has_value());
  // The same file with format 2 (the one before XXH3) in its header, checksum and all.
  for (uint64_t format : {uint64_t{1}, uint64_t{2}}) {
    cache_bytes::Writer w;
    w.out.append("POPSCACH");
    w.u(format);
    w.s("parts");
    w.s("build 1");
    w.s("/ws/a");
    w.u(payload.size());
    w.fixed64(content_hash(payload, 0x706f7073));
    w.out.append(payload);
    CHECK_FALSE(decode_cache_file(w.out, "parts", "build 1", "/ws/a"));
    // Only the format number differs from what pops writes now.
    cache_bytes::Writer cur;
    cur.out.append("POPSCACH");
    cur.u(3);
    CHECK(w.out.substr(9) == now.substr(cur.out.size()));
  }
}

TEST_CASE("a cache file written piece by piece holds the bytes of the same payload written whole")
{
  using namespace cache_bytes;
  const std::string big(100000, 'p');
  const std::string other = std::string("part\0two", 8);
  Writer whole;
  PieceWriter pieces;
  whole.u(7);
  pieces.u(7);
  whole.s("key one");
  pieces.s("key one");
  whole.s(big);
  pieces.s_ref(big);
  whole.u(300);
  pieces.u(300);
  whole.s(other);
  pieces.s_ref(other);
  whole.s("");
  pieces.s_ref("");
  std::string joined;
  for (const auto& p : pieces.pieces()) {
    joined += p;
  }
  CHECK(joined == whole.out);
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("pops-pieces-{}", ::getpid());
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "x.parts").string();
  write_cache_pieces(file, "parts", "build 1", "/ws/a", pieces.pieces());
  std::string back;
  REQUIRE(read_whole(file, back));
  CHECK(back == encode_cache_file("parts", "build 1", "/ws/a", whole.out));
  auto payload = decode_cache_file(back, "parts", "build 1", "/ws/a");
  REQUIRE(payload.has_value());
  CHECK(*payload == whole.out);
  std::filesystem::remove_all(dir);
}
