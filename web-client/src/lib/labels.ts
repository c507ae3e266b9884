export const imageCountLabel = (count: number) => `${count} ${count === 1 ? 'image' : 'images'}`;
