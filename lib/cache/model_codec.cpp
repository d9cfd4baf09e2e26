// The model to bytes and back, for the parts of the check cache (check_cache.h) and the history
// cache: every struct of model.h through its field list (workspace/model_fields.h).

#include "cache/model_codec.h"

#include "cache/cache_bytes.h"
#include "workspace/model_fields.h"

#include <string>
#include <utility>
#include <vector>

namespace pops {

using namespace cache_bytes;

namespace {

using cache_bytes::get;
using cache_bytes::put;

void put(Writer& w, const std::string& s)
{
  w.s(s);
}
void get(Reader& r, std::string& s)
{
  s = r.s();
}
void put(Writer& w, const Date& d)
{
  w.i(d.days);
}
void get(Reader& r, Date& d)
{
  d.days = r.int32();
}
void put(Writer& w, double v)
{
  w.f(v);
}
void get(Reader& r, double& v)
{
  v = r.f();
}
void put(Writer& w, bool v)
{
  w.b(v);
}
void get(Reader& r, bool& v)
{
  v = r.b();
}
void put(Writer& w, int v)
{
  w.i(v);
}
void get(Reader& r, int& v)
{
  v = r.int32();
}

template <class T> void put(Writer& w, const Located<T>& v)
{
  w.b(v.set);
  put(w, v.value);
  put(w, v.loc);
  put(w, v.key_loc);
}
template <class T> void get(Reader& r, Located<T>& v)
{
  v.set = r.b();
  get(r, v.value);
  get(r, v.loc);
  get(r, v.key_loc);
}

template <class T> void put(Writer& w, const std::vector<T>& v);
template <class T> void get(Reader& r, std::vector<T>& v);
template <class A, class B> void put(Writer& w, const std::pair<A, B>& v);
template <class A, class B> void get(Reader& r, std::pair<A, B>& v);

void put(Writer& w, const YNode& n)
{
  w.u(static_cast<uint64_t>(n.kind));
  w.b(n.quoted);
  w.b(n.flow);
  w.b(n.alias);
  put(w, n.loc);
  w.s(n.text);
  put(w, n.items);
  put(w, n.entries);
}
void get(Reader& r, YNode& n)
{
  const uint64_t k = r.u();
  if (k > static_cast<uint64_t>(YNode::Kind::map)) {
    throw Malformed();
  }
  n.kind = static_cast<YNode::Kind>(k);
  n.quoted = r.b();
  n.flow = r.b();
  n.alias = r.b();
  get(r, n.loc);
  n.text = r.s();
  get(r, n.items);
  get(r, n.entries);
}

void put(Writer& w, const Finding& f)
{
  w.s(f.file);
  put(w, f.loc);
  put(w, f.end);
  w.u(static_cast<uint64_t>(f.severity));
  w.s(f.rule);
  w.s(f.message);
  put(w, f.squads);
}
void get(Reader& r, Finding& f)
{
  f.file = r.s();
  get(r, f.loc);
  get(r, f.end);
  const uint64_t sev = r.u();
  if (sev > static_cast<uint64_t>(Severity::error)) {
    throw Malformed();
  }
  f.severity = static_cast<Severity>(sev);
  f.rule = r.s();
  f.message = r.s();
  get(r, f.squads);
}

// The structs of model.h, member by member through their field lists (workspace/model_fields.h):
// whatever is written is read back, in the same order.
template <class T>
requires has_fields<T>
void put(Writer& w, const T& x)
{
  fields(x, [&w](const auto& m) { put(w, m); });
}
template <class T>
requires has_fields<T>
void get(Reader& r, T& x)
{
  fields(x, [&r](auto& m) { get(r, m); });
}

template <class T> void put(Writer& w, const std::vector<T>& v)
{
  w.u(v.size());
  for (const auto& x : v) {
    put(w, x);
  }
}
template <class T> void get(Reader& r, std::vector<T>& v)
{
  const size_t n = r.count();
  v.clear();
  v.resize(n);
  for (auto& x : v) {
    get(r, x);
  }
}
template <class A, class B> void put(Writer& w, const std::pair<A, B>& v)
{
  put(w, v.first);
  put(w, v.second);
}
template <class A, class B> void get(Reader& r, std::pair<A, B>& v)
{
  get(r, v.first);
  get(r, v.second);
}

}  // namespace

std::string encode_part(const FilePart& part)
{
  Writer w;
  put(w, part.parse_findings);
  put(w, part.model_findings);
  put(w, part.items);
  put(w, part.feedback);
  put(w, part.docs);
  put(w, part.notes);
  put(w, part.series);
  put(w, part.customers);
  w.b(part.doc_index.has_value());
  if (part.doc_index) {
    w.s(*part.doc_index);
  }
  return std::move(w.out);
}

namespace {

/// encode_part's layout with one element in the list `slot` (2 items, 3 feedback, 4 docs).
template <class T> std::string encode_one(const T& element, int slot)
{
  Writer w;
  for (int list = 0; list < 8; ++list) {
    if (list == slot) {
      w.u(1);
      put(w, element);
    } else {
      w.u(0);
    }
  }
  w.b(false);  // no doc_index
  return std::move(w.out);
}

}  // namespace

std::string encode_part_of(const Item& item)
{
  return encode_one(item, 2);
}

std::string encode_part_of(const Feedback& feedback)
{
  return encode_one(feedback, 3);
}

std::string encode_part_of(const Doc& doc)
{
  return encode_one(doc, 4);
}

bool decode_part(std::string_view bytes, FilePart& part)
{
  try {
    Reader r(bytes);
    FilePart p;
    get(r, p.parse_findings);
    get(r, p.model_findings);
    get(r, p.items);
    get(r, p.feedback);
    get(r, p.docs);
    get(r, p.notes);
    get(r, p.series);
    get(r, p.customers);
    if (r.b()) {
      p.doc_index = r.s();
    }
    if (!r.done()) {
      return false;
    }
    part = std::move(p);
    return true;
  } catch (const Malformed&) {
    return false;
  }
}

void put_findings(Writer& w, const std::vector<Finding>& findings)
{
  put(w, findings);
}

void get_findings(Reader& r, std::vector<Finding>& findings)
{
  get(r, findings);
}

void put_strings(Writer& w, const std::vector<std::string>& strings)
{
  put(w, strings);
}

void get_strings(Reader& r, std::vector<std::string>& strings)
{
  get(r, strings);
}

}  // namespace pops
