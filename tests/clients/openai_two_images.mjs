// The official `openai` npm client (pinned in package-lock.json) asks `migician serve` one
// two-image question, once whole and once streamed, and prints what it got as one JSON line.
// Usage: node openai_two_images.mjs BASE_URL MODEL IMAGE1 IMAGE2 QUERY MAX_PIXELS [API_KEY]
import OpenAI from 'openai';
import { readFileSync } from 'node:fs';

const [baseUrl, model, image1, image2, query, maxPixels, apiKey] = process.argv.slice(2);
const client = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: apiKey || 'unused', maxRetries: 0 });

const dataUrl = (path) => {
  const type = /\.jpe?g$/i.test(path) ? 'image/jpeg' : 'image/png';
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
};
const request = {
  model,
  messages: [{
    role: 'user',
    content: [
      { type: 'image_url', image_url: { url: dataUrl(image1) } },
      { type: 'image_url', image_url: { url: dataUrl(image2) } },
      { type: 'text', text: query },
    ],
  }],
  max_tokens: 16,
  // vLLM's extra field: the resize limit the reference run used.
  mm_processor_kwargs: { max_pixels: Number(maxPixels) },
};

const once = await client.chat.completions.create(request);
const stream = await client.chat.completions.create({
  ...request, stream: true, stream_options: { include_usage: true },
});
let text = '';
let finish = null;
let usage = null;
let chunks = 0;
for await (const chunk of stream) {
  chunks += 1;
  if (chunk.usage) usage = chunk.usage;
  for (const choice of chunk.choices) {
    text += choice.delta?.content ?? '';
    if (choice.finish_reason) finish = choice.finish_reason;
  }
}
console.log(JSON.stringify({
  once: once.choices[0].message.content,
  once_finish: once.choices[0].finish_reason,
  once_usage: once.usage,
  stream: text,
  stream_finish: finish,
  stream_usage: usage,
  chunks,
}));
