import { CATEGORY_LABELS, type Category } from "../domain/rating";

export function CategoryBadge({ category }: { category: Category }) {
  return (
    <span className="category">
      <span className={`swatch ${category}`} aria-hidden="true" />
      {CATEGORY_LABELS[category]}
    </span>
  );
}
