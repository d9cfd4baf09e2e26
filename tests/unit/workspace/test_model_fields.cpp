// The field lists of workspace/model_fields.h and the cache codec built on them: every member of
// every struct of model.h, each set to a value of its own, survives encode_part/decode_part.

#include "cache/check_cache.h"
#include "workspace/model_fields.h"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

using namespace pops;

namespace {

/// Sets every member it is given to a value no other member gets (n counts up), recursing into
/// structs with a field list, lists (two elements) and pairs.
struct Fill {
  int& n;

  void operator()(std::string& s) const { s = "v" + std::to_string(++n); }
  void operator()(int& v) const { v = ++n; }
  void operator()(bool& v) const
  {
    ++n;
    v = true;  // every bool of the model defaults to false
  }
  void operator()(double& v) const { v = ++n + 0.25; }
  void operator()(Date& d) const { d.days = 20000 + ++n; }
  void operator()(Loc& l) const
  {
    l.line = ++n;
    l.column = ++n;
    l.pos = ++n;
  }
  template <class T> void operator()(Located<T>& v) const
  {
    (*this)(v.value);
    (*this)(v.loc);
    (*this)(v.key_loc);
    v.set = true;
  }
  void operator()(YNode& y) const
  {
    y.kind = YNode::Kind::map;
    y.flow = true;
    (*this)(y.loc);
    YNode k, v;
    k.kind = YNode::Kind::scalar;
    (*this)(k.text);
    v.kind = YNode::Kind::scalar;
    v.quoted = true;
    (*this)(v.text);
    y.entries.emplace_back(k, v);
  }
  template <class A, class B> void operator()(std::pair<A, B>& p) const
  {
    (*this)(p.first);
    (*this)(p.second);
  }
  template <class T> void operator()(std::vector<T>& v) const
  {
    v.resize(2);
    for (auto& x : v) {
      (*this)(x);
    }
  }
  template <class T>
  requires has_fields<T>
  void operator()(T& x) const { fields(x, *this); }
};

template <class T> T filled(int& n)
{
  T x{};
  Fill{n}(x);
  return x;
}

/// The values of every member, as text, through the same lists: two objects are equal member by
/// member when their dumps are.
struct Dump {
  std::string& out;

  void operator()(const std::string& s) const { out += "s:" + s + ";"; }
  void operator()(int v) const { out += "i:" + std::to_string(v) + ";"; }
  void operator()(bool v) const { out += v ? "b:1;" : "b:0;"; }
  void operator()(double v) const { out += "d:" + std::to_string(v) + ";"; }
  void operator()(const Date& d) const { out += "t:" + std::to_string(d.days) + ";"; }
  void operator()(const Loc& l) const
  {
    out += "l:" + std::to_string(l.line) + "," + std::to_string(l.column) + "," + std::to_string(l.pos) + ";";
  }
  template <class T> void operator()(const Located<T>& v) const
  {
    (*this)(v.value);
    (*this)(v.loc);
    (*this)(v.key_loc);
    (*this)(v.set);
  }
  void operator()(const YNode& y) const
  {
    out += "y:" + std::to_string(static_cast<int>(y.kind)) + (y.quoted ? "q" : "") + (y.flow ? "f" : "") + ";";
    (*this)(y.loc);
    (*this)(y.text);
    for (const auto& i : y.items) {
      (*this)(i);
    }
    for (const auto& [k, v] : y.entries) {
      (*this)(k);
      (*this)(v);
    }
  }
  template <class A, class B> void operator()(const std::pair<A, B>& p) const
  {
    (*this)(p.first);
    (*this)(p.second);
  }
  template <class T> void operator()(const std::vector<T>& v) const
  {
    out += "n:" + std::to_string(v.size()) + ";";
    for (const auto& x : v) {
      (*this)(x);
    }
  }
  template <class T>
  requires has_fields<T>
  void operator()(const T& x) const { fields(x, *this); }
};

template <class T> std::string dump(const T& x)
{
  std::string s;
  Dump{s}(x);
  return s;
}

}  // namespace

TEST_CASE("every struct of model.h has a field list as long as the struct")
{
  // The lists are checked when model_fields.h compiles; these say so again, readably.
  CHECK(field_count<Item> == 24);
  CHECK(field_count<Feedback> == 13);
  CHECK(field_count<Doc> == 12);
  CHECK(field_count<RitualNote> == 10);
  CHECK(field_count<Series> == 7);
  CHECK(field_count<Action> == 5);
  CHECK(field_count<Heading> == 3);
  CHECK(field_count<Success> == 2);
  CHECK(field_count<SeriesPoint> == 2);
  CHECK(field_count<KeyResult> == 8);
  CHECK(field_count<Objective> == 6);
  CHECK(field_count<Update> == 5);
  CHECK(field_count<Initiative> == 8);
}

TEST_CASE("every member of every element survives the cache's encoding")
{
  int n = 0;
  FilePart part;
  part.items = {filled<Item>(n), filled<Item>(n)};
  part.feedback = {filled<Feedback>(n)};
  part.docs = {filled<Doc>(n)};
  part.notes = {filled<RitualNote>(n)};
  part.series = {filled<Series>(n)};
  part.doc_index = "index";
  // Every value differs from the default, so a member left out on either side would show.
  CHECK(dump(part.items[0]) != dump(Item{}));
  CHECK(n > 300);

  FilePart back;
  REQUIRE(decode_part(encode_part(part), back));
  REQUIRE(back.items.size() == 2);
  CHECK(dump(back.items[0]) == dump(part.items[0]));
  CHECK(dump(back.items[1]) == dump(part.items[1]));
  REQUIRE(back.feedback.size() == 1);
  CHECK(dump(back.feedback[0]) == dump(part.feedback[0]));
  REQUIRE(back.docs.size() == 1);
  CHECK(dump(back.docs[0]) == dump(part.docs[0]));
  REQUIRE(back.notes.size() == 1);
  CHECK(dump(back.notes[0]) == dump(part.notes[0]));
  REQUIRE(back.series.size() == 1);
  CHECK(dump(back.series[0]) == dump(part.series[0]));
  // One element's bytes are those of a part holding it alone.
  FilePart one;
  one.items = {part.items[0]};
  CHECK(encode_part_of(part.items[0]) == encode_part(one));
}
