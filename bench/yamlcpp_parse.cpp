// The benchmark's peer for `pops check`: parse every YAML file of a workspace (and the front matter of
// every Markdown file) with yaml-cpp's YAML::Load on one thread, and report how many documents parsed.
// This is the floor of what a single-threaded yaml-cpp tool pays before checking anything.

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
  if (argc != 2) {
    std::fprintf(stderr, "usage: pops_bench_yamlcpp DIR\n");
    return 2;
  }
  long docs = 0;
  long errors = 0;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file()) {
      continue;
    }
    const auto ext = e.path().extension().string();
    if (ext != ".yaml" && ext != ".yml" && ext != ".md") {
      continue;
    }
    if (e.path().string().find("/.git/") != std::string::npos) {
      continue;
    }
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (ext == ".md") {
      if (text.rfind("---\n", 0) != 0) {
        continue;
      }
      const auto end = text.find("\n---\n", 3);
      text = text.substr(4, end == std::string::npos ? std::string::npos : end - 3);
    }
    try {
      YAML::Node n = YAML::Load(text);
      docs += n.IsNull() ? 0 : 1;
    } catch (const YAML::Exception&) {
      ++errors;
    }
  }
  std::printf("%ld documents, %ld errors\n", docs, errors);
  return errors ? 1 : 0;
}
