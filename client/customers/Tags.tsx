/** A customer's tags as chips. */
export function Tags({ tags }: { tags: string[] }) {
  return (
    <span class="customer-tags">
      {tags.map((tag) => (
        <span key={tag} class="chip">
          {tag}
        </span>
      ))}
    </span>
  );
}
