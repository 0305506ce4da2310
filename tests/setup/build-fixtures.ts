/**
 * `npm run test:fixtures`: builds the shared fixture sites ahead of the tests
 * (npm test runs it beside the lint step); the global setup then finds them
 * ready (fixtures.ts).
 */
import './compile-cache.ts';
import { fixtureSites } from './fixtures.ts';

await fixtureSites((line) => console.log(line));
console.log('测试用网站已就绪');
